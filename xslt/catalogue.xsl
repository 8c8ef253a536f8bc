<?xml version="1.0" encoding="UTF-8"?>
<!--
  catalogue.xsl: civic-catalogue.fcgi (政务信息公开目录, mounted at
  /catalogue/).  The views are in one stylesheet a part, beside the
  parts' C files (modules/catalogue/):

    catalogue-browse.xsl  the public catalogue: trees with counts, lists,
                          search (browse.c); named templates "cb-"
    catalogue-entry.xsl   an entry's public page, the annual report
                          (entry.c); named templates "ce-"
    catalogue-edit.xsl    the staff's entries: list, form, history,
                          publish, withdraw (edit.c); named templates "ced-"
    catalogue-admin.xsl   the office's trees and issuing bodies
                          (admin.c); named templates "cad-"

  Here: what the parts share:
    "cat-date" with param d: a date (or a time, shown as its date) as
      <time>; a dash for none;
    "cat-staff-menu": the staff pages' menu, by the roles held.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:include href="catalogue-browse.xsl"/>
  <xsl:include href="catalogue-entry.xsl"/>
  <xsl:include href="catalogue-edit.xsl"/>
  <xsl:include href="catalogue-admin.xsl"/>

  <xsl:variable name="cat-mount" select="string(/page/site/@mount)"/>

  <xsl:template name="cat-date">
    <xsl:param name="d"/>
    <xsl:choose>
      <xsl:when test="normalize-space($d) != ''">
        <time datetime="{substring($d, 1, 10)}">
          <xsl:value-of select="substring($d, 1, 10)"/>
        </time>
      </xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The staff pages' menu: the entries for clerks and the office, the
    trees and bodies for the office.  The current page has aria-current.
  -->
  <xsl:template name="cat-staff-menu">
    <xsl:variable name="roles" select="/page/staff/role"/>
    <xsl:if test="$roles = 'clerk' or $roles = 'office'">
      <nav class="cat-staff-menu">
        <xsl:attribute name="aria-label">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'catalogue.menu.label'"/>
          </xsl:call-template>
        </xsl:attribute>
        <ul class="menu-list">
          <xsl:call-template name="cat-menu-item">
            <xsl:with-param name="path" select="'staff/entries'"/>
            <xsl:with-param name="key" select="'catalogue.menu.entries'"/>
          </xsl:call-template>
          <xsl:call-template name="cat-menu-item">
            <xsl:with-param name="path" select="'staff/new'"/>
            <xsl:with-param name="key" select="'catalogue.menu.new'"/>
          </xsl:call-template>
          <xsl:if test="$roles = 'office'">
            <xsl:call-template name="cat-menu-item">
              <xsl:with-param name="path" select="'staff/categories'"/>
              <xsl:with-param name="key" select="'catalogue.menu.categories'"/>
            </xsl:call-template>
            <xsl:call-template name="cat-menu-item">
              <xsl:with-param name="path" select="'staff/themes'"/>
              <xsl:with-param name="key" select="'catalogue.menu.themes'"/>
            </xsl:call-template>
            <xsl:call-template name="cat-menu-item">
              <xsl:with-param name="path" select="'staff/bodies'"/>
              <xsl:with-param name="key" select="'catalogue.menu.bodies'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="cat-menu-item">
            <xsl:with-param name="path" select="''"/>
            <xsl:with-param name="key" select="'catalogue.menu.public'"/>
          </xsl:call-template>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template name="cat-menu-item">
    <xsl:param name="path"/>
    <xsl:param name="key"/>
    <xsl:variable name="href" select="concat($cat-mount, $path)"/>
    <li>
      <a href="{$href}">
        <xsl:if test="string(/page/site/@path) = $href">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </a>
    </li>
  </xsl:template>

</xsl:stylesheet>
