<?xml version="1.0" encoding="UTF-8"?>
<!--
  consult.xsl: civic-consult.fcgi (政务在线咨询, mounted at /consult/).  The
  views are in one stylesheet a side, beside the parts' C files:

    consult-citizen.xsl  home, ask, suggest, question, track, answers,
                         answer (public; modules/consult/citizen.c, public.c)
    consult-staff.xsl    desk, desk-question, desk-canned, desk-area, office,
                         office-publish, supervise, supervise-figures (staff;
                         modules/consult/desk.c, office.c, supervise.c)

  Here: what they share.  Codes are translated, never shown raw:
    <xsl:call-template name="consult-light"> with param light
      ('green' | 'yellow' | 'red'): a coloured mark AND its word (正常 /
      即将超时 / 已超时), so that no information is carried by colour alone;
    "consult-code" with params prefix ('consult.state.', 'evaluate.level.',
      'consult.desk.kind.') and code;
    "consult-time": a time as <time>, to the minute;
    "consult-minutes": seconds as minutes with one decimal (12.5 分钟);
    "consult-staff-menu": the staff pages' menu, by the roles held.
  The poll view (GET /q/{no}/poll) is always XML, for static/consult.js.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:include href="rating.xsl"/>
  <xsl:include href="consult-citizen.xsl"/>
  <xsl:include href="consult-staff.xsl"/>

  <xsl:variable name="consult-mount" select="string(/page/site/@mount)"/>

  <xsl:template name="consult-light">
    <xsl:param name="light"/>
    <xsl:if test="string($light) != ''">
      <span class="light light-{$light}">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="concat('consult.light.', $light)"/>
        </xsl:call-template>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="consult-code">
    <xsl:param name="prefix"/>
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="normalize-space($code) != ''">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="concat($prefix, $code)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'consult.none'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A time "YYYY-MM-DD HH:MM:SS" as <time>, shown to the minute; a dash for none. -->
  <xsl:template name="consult-time">
    <xsl:param name="t"/>
    <xsl:choose>
      <xsl:when test="normalize-space($t) != ''">
        <time datetime="{$t}">
          <xsl:value-of select="substring($t, 1, 16)"/>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'consult.none'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Seconds as minutes with one decimal ("12.5 分钟"); a dash for none. -->
  <xsl:template name="consult-minutes">
    <xsl:param name="secs"/>
    <xsl:choose>
      <xsl:when test="normalize-space($secs) != '' and number($secs) = number($secs)">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'consult.minutes'"/>
          <xsl:with-param name="n" select="format-number(number($secs) div 60, '0.0')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'consult.none'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A percentage as the figures give it (one decimal), or a dash for none. -->
  <xsl:template name="consult-percent">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v) != ''">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'consult.percent'"/>
          <xsl:with-param name="n" select="string($v)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'consult.none'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The staff pages' menu: the desk for clerks and the office, the overview
    for the office and supervisors, supervision and figures for both.  The
    current page is marked with aria-current.
  -->
  <xsl:template name="consult-staff-menu">
    <xsl:variable name="roles" select="/page/staff/role"/>
    <xsl:if test="$roles">
      <nav class="consult-staff-menu">
        <xsl:attribute name="aria-label">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'consult.menu.label'"/>
          </xsl:call-template>
        </xsl:attribute>
        <ul class="menu-list">
          <xsl:if test="$roles = 'clerk' or $roles = 'office'">
            <xsl:call-template name="consult-menu-item">
              <xsl:with-param name="path" select="'desk'"/>
              <xsl:with-param name="key" select="'consult.menu.desk'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$roles = 'office' or $roles = 'supervisor'">
            <xsl:call-template name="consult-menu-item">
              <xsl:with-param name="path" select="'office'"/>
              <xsl:with-param name="key" select="'consult.menu.office'"/>
            </xsl:call-template>
            <xsl:call-template name="consult-menu-item">
              <xsl:with-param name="path" select="'supervise'"/>
              <xsl:with-param name="key" select="'consult.menu.supervise'"/>
            </xsl:call-template>
            <xsl:call-template name="consult-menu-item">
              <xsl:with-param name="path" select="'supervise/figures'"/>
              <xsl:with-param name="key" select="'consult.menu.figures'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="consult-menu-item">
            <xsl:with-param name="path" select="''"/>
            <xsl:with-param name="key" select="'consult.menu.public'"/>
          </xsl:call-template>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template name="consult-menu-item">
    <xsl:param name="path"/>
    <xsl:param name="key"/>
    <xsl:variable name="href" select="concat($consult-mount, $path)"/>
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
