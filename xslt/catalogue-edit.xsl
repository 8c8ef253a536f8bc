<?xml version="1.0" encoding="UTF-8"?>
<!--
  catalogue-edit.xsl: STUB, to be written (catalogue.xsl).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
</xsl:stylesheet>
