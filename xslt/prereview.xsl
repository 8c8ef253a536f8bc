<?xml version="1.0" encoding="UTF-8"?>
<!--
  prereview.xsl: civic-prereview.fcgi (办事指南 + 网上预审, mounted at
  /prereview/).  The views are in one stylesheet a group of parts, beside
  the parts' C files (modules/prereview/):

    prereview-guide.xsl   the public guide (guide.c); named templates "prg-"
    prereview-items.xsl   the staff's item editing and versions (items.c);
                          named templates "pri-"
    prereview-apply.xsl   the application form, its receipt, the progress
                          page (apply.c, progress.c); named templates "pra-"
    prereview-review.xsl  the departments' desk and review, the board
                          (review.c, board.c); named templates "prr-"

  Here: what the parts share:
    "pr-light" with param light ('green' | 'yellow' | 'red' | 'paused'):
      a coloured mark AND its word, so that nothing is carried by colour
      alone;
    "pr-time" with param t: a time as <time>, to the minute; a dash for none;
    "pr-staff-menu": the staff pages' menu, by the roles held.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:include href="rating.xsl"/>
  <xsl:include href="prereview-guide.xsl"/>
  <xsl:include href="prereview-items.xsl"/>
  <xsl:include href="prereview-apply.xsl"/>
  <xsl:include href="prereview-review.xsl"/>

  <xsl:variable name="pr-mount" select="string(/page/site/@mount)"/>

  <xsl:template name="pr-light">
    <xsl:param name="light"/>
    <xsl:if test="string($light) != ''">
      <span class="light light-{$light}">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="concat('prereview.light.', $light)"/>
        </xsl:call-template>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="pr-time">
    <xsl:param name="t"/>
    <xsl:choose>
      <xsl:when test="normalize-space($t) != ''">
        <time datetime="{translate($t, ' ', 'T')}">
          <xsl:value-of select="substring($t, 1, 16)"/>
        </time>
      </xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The staff pages' menu: the desk for clerks and the office, the items
    for clerks and the office, the board for the office and supervisors.
    The current page has aria-current.
  -->
  <xsl:template name="pr-staff-menu">
    <xsl:variable name="roles" select="/page/staff/role"/>
    <xsl:if test="$roles">
      <nav class="pr-staff-menu">
        <xsl:attribute name="aria-label">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'prereview.menu.label'"/>
          </xsl:call-template>
        </xsl:attribute>
        <ul class="menu-list">
          <xsl:if test="$roles = 'clerk' or $roles = 'office'">
            <xsl:call-template name="pr-menu-item">
              <xsl:with-param name="path" select="'desk'"/>
              <xsl:with-param name="key" select="'prereview.menu.desk'"/>
            </xsl:call-template>
            <xsl:call-template name="pr-menu-item">
              <xsl:with-param name="path" select="'staff/items'"/>
              <xsl:with-param name="key" select="'prereview.menu.items'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$roles = 'office' or $roles = 'supervisor'">
            <xsl:call-template name="pr-menu-item">
              <xsl:with-param name="path" select="'board'"/>
              <xsl:with-param name="key" select="'prereview.menu.board'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="pr-menu-item">
            <xsl:with-param name="path" select="''"/>
            <xsl:with-param name="key" select="'prereview.menu.public'"/>
          </xsl:call-template>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template name="pr-menu-item">
    <xsl:param name="path"/>
    <xsl:param name="key"/>
    <xsl:variable name="href" select="concat($pr-mount, $path)"/>
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
