<?xml version="1.0" encoding="UTF-8"?>
<!--
  mailbox.xsl: civic-mailbox.fcgi (县长信箱, mounted at /mailbox/).  The
  views are in one stylesheet a part, beside the part's C file:

    mailbox-public.xsl     published letters, search (public)
    mailbox-citizen.xsl    write, preview, receipt, track (public)
    mailbox-office.xsl     the information office and the departments (staff)
    mailbox-supervise.xsl  supervision and statistics (staff)

  Here: what they share.  Codes are translated, never shown raw:
    <xsl:call-template name="mailbox-light"> with param light
      ('green' | 'yellow' | 'red'): a coloured mark AND its word (正常 /
      即将超时 / 已超时), so that no information is carried by colour alone;
    "mailbox-code" with params prefix ('mailbox.type.', 'mailbox.state.',
      'mailbox.event.', 'evaluate.level.') and code.
  rating.xsl draws a letter's rating (<evaluation>), shared with every
  feature that takes one.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:include href="rating.xsl"/>
  <xsl:include href="mailbox-public.xsl"/>
  <xsl:include href="mailbox-citizen.xsl"/>
  <xsl:include href="mailbox-office.xsl"/>
  <xsl:include href="mailbox-supervise.xsl"/>

  <xsl:template name="mailbox-light">
    <xsl:param name="light"/>
    <xsl:if test="string($light) != ''">
      <span class="light light-{$light}">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="concat('mailbox.light.', $light)"/>
        </xsl:call-template>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="mailbox-code">
    <xsl:param name="prefix"/>
    <xsl:param name="code"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="concat($prefix, $code)"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
