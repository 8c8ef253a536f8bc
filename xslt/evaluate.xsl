<?xml version="1.0" encoding="UTF-8"?>
<!--
  evaluate.xsl: civic-evaluate.fcgi (网上评议 / 好差评, mounted at
  /evaluate/).  The views are in one stylesheet a part, beside the parts'
  C files (modules/evaluate/):

    evaluate-case.xsl      a case's rating (case.c)
    evaluate-campaign.xsl  campaigns and a clerk's rating (campaign.c,
                           clerk.c), public and the office's
    evaluate-rectify.xsl   the 差评 loop (rectify.c), departments and office
    evaluate-results.xsl   the home page, the public results, supervision
                           (results.c, supervise.c)

  rating.xsl draws the rating's fields and the levels' words.  Here: what
  the parts share:
    "eval-light" with param light ('green' | 'yellow' | 'red'): a
      coloured mark AND its word, so that nothing is carried by colour alone;
    "eval-time" with param t: a time as <time>, to the minute; a dash for none;
    "eval-percent" with param v: "97.5%", a dash for none;
    "eval-staff-menu": the staff pages' menu, by the roles held.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="layout.xsl"/>
  <xsl:include href="common.xsl"/>
  <xsl:include href="rating.xsl"/>
  <xsl:include href="evaluate-case.xsl"/>
  <xsl:include href="evaluate-campaign.xsl"/>
  <xsl:include href="evaluate-rectify.xsl"/>
  <xsl:include href="evaluate-results.xsl"/>

  <xsl:variable name="eval-mount" select="string(/page/site/@mount)"/>

  <xsl:template name="eval-light">
    <xsl:param name="light"/>
    <xsl:if test="string($light) != ''">
      <span class="light light-{$light}">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="concat('evaluate.light.', $light)"/>
        </xsl:call-template>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="eval-time">
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

  <xsl:template name="eval-percent">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v) != ''">
        <xsl:value-of select="concat($v, '%')"/>
      </xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The staff pages' menu: the department's rectification desk for clerks
    and the office, appeals and campaigns for the office, the figures for
    the office and supervisors.  The current page has aria-current.
  -->
  <xsl:template name="eval-staff-menu">
    <xsl:variable name="roles" select="/page/staff/role"/>
    <xsl:if test="$roles">
      <nav class="eval-staff-menu">
        <xsl:attribute name="aria-label">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'evaluate.menu.label'"/>
          </xsl:call-template>
        </xsl:attribute>
        <ul class="menu-list">
          <xsl:if test="$roles = 'clerk' or $roles = 'office'">
            <xsl:call-template name="eval-menu-item">
              <xsl:with-param name="path" select="'desk'"/>
              <xsl:with-param name="key" select="'evaluate.menu.desk'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$roles = 'office'">
            <xsl:call-template name="eval-menu-item">
              <xsl:with-param name="path" select="'office/appeals'"/>
              <xsl:with-param name="key" select="'evaluate.menu.appeals'"/>
            </xsl:call-template>
            <xsl:call-template name="eval-menu-item">
              <xsl:with-param name="path" select="'office/campaigns'"/>
              <xsl:with-param name="key" select="'evaluate.menu.campaigns'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$roles = 'office' or $roles = 'supervisor'">
            <xsl:call-template name="eval-menu-item">
              <xsl:with-param name="path" select="'supervise'"/>
              <xsl:with-param name="key" select="'evaluate.menu.supervise'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="eval-menu-item">
            <xsl:with-param name="path" select="''"/>
            <xsl:with-param name="key" select="'evaluate.menu.public'"/>
          </xsl:call-template>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template name="eval-menu-item">
    <xsl:param name="path"/>
    <xsl:param name="key"/>
    <xsl:variable name="href" select="concat($eval-mount, $path)"/>
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
