<?xml version="1.0" encoding="UTF-8"?>
<!--
  县政府门户网站风格（示例主题）/ the "county portal" theme, an example.

  A second look for every civic page, made by swapping this one file for
  xslt/layout.xsl: no feature stylesheet changes (examples/themes/README.md
  says how to install it).  It shows what a county does to adopt its own
  portal's look: a top bar with the date line and the links every Chinese
  government portal has, a banner with the emblem, the county's name and a
  slogan, the portal's own navigation (its columns, with the civic programs
  among them), and the footer with the host, the ICP registration, the
  public-security registration and the 政府网站标识码.

  It keeps what every layout must keep (see xslt/layout.xsl):
    - <main id="main"> with the messages and the content ("page-content",
      which is apply-templates mode="content" keeping the display mode on
      the content's links);
    - apply-templates mode="head" in <head>, where a feature adds what one
      of its views needs there (a script file, a feed link);
    - the staff bar (/page/staff), the language switch, the display
      switch (大字版, 高对比度: "a11y-switch", with $a11y-class on <html>)
      and the skip link, whose templates ("staff-bar", "lang-switch",
      "a11y-switch", "nav-item", "page-content") are in common.xsl;
    - no <script>, no style="" (the Content-Security-Policy forbids them):
      the look is in county-portal.css, installed as static/county-portal.css,
      loaded after static/civic.css, whose rules for forms, lists and
      tables every feature uses.
  Its words are here, by language, because the catalogues in i18n/ belong
  to the features; the shared ones (nav.*, footer.*) come from there.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <!-- ===== 本站设置 / site settings: change these to the county's ===== -->

  <!-- ICP 备案号、公安备案号、政府网站标识码（示例）。 -->
  <xsl:variable name="icp-number">X ICP备00000000号-1</xsl:variable>
  <xsl:variable name="police-number">X公网安备 00000000000000号</xsl:variable>
  <xsl:variable name="site-code">0000000000</xsl:variable>
  <!-- 主办单位（默认为网站名称）/ the host, by default the site's name -->
  <xsl:variable name="host" select="string(/page/site/@name)"/>
  <!-- 联系地址与电话 / the office's address and telephone -->
  <xsl:variable name="contact-zh">地址：示范县人民路1号　电话：0000-12345</xsl:variable>
  <xsl:variable name="contact-en">No. 1 Renmin Road, Shifan County · Tel. 0000-12345</xsl:variable>

  <xsl:variable name="static" select="string(/page/site/@static)"/>

  <!-- The theme's own words: (zh-CN, en) pairs chosen by $lang. -->
  <xsl:template name="portal-text">
    <xsl:param name="zh"/>
    <xsl:param name="en"/>
    <xsl:choose>
      <xsl:when test="$lang = 'en'"><xsl:value-of select="$en"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$zh"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== 页面 / the page ===== -->

  <xsl:template match="/">
    <xsl:variable name="title">
      <xsl:apply-templates select="/page" mode="title"/>
    </xsl:variable>
    <html lang="{$lang}">
      <!-- 大字版、高对比度（common.xsl 的 a11y-switch）/ the display modes: keep -->
      <xsl:if test="$a11y-class != ''">
        <xsl:attribute name="class">
          <xsl:value-of select="$a11y-class"/>
        </xsl:attribute>
      </xsl:if>
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:if test="/page/errors/error">
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'form.error-prefix'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="normalize-space($title) != ''">
            <xsl:value-of select="normalize-space($title)"/>
            <xsl:text>_</xsl:text>
          </xsl:if>
          <xsl:value-of select="/page/site/@name"/>
          <xsl:call-template name="portal-text">
            <xsl:with-param name="zh">门户网站</xsl:with-param>
            <xsl:with-param name="en"> portal</xsl:with-param>
          </xsl:call-template>
        </title>
        <link rel="stylesheet" href="{$static}static/civic.css"/>
        <link rel="stylesheet" href="{$static}static/county-portal.css"/>
        <!-- What a feature adds to <head> for one of its views (common.xsl, mode "head"): keep. -->
        <xsl:apply-templates select="/page" mode="head"/>
      </head>
      <body class="theme-county-portal program-{/page/@program} view-{/page/@view}">
        <a class="skip-link" href="#main">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'site.skip'"/>
          </xsl:call-template>
        </a>
        <xsl:apply-templates select="/page/staff[1]" mode="staff-bar"/>

        <!-- 顶栏 / the top bar -->
        <div class="portal-topbar">
          <div class="wrap portal-topbar-inner">
            <p class="portal-welcome">
              <xsl:call-template name="portal-text">
                <xsl:with-param name="zh">欢迎访问</xsl:with-param>
                <xsl:with-param name="en">Welcome to </xsl:with-param>
              </xsl:call-template>
              <xsl:value-of select="/page/site/@name"/>
              <xsl:call-template name="portal-text">
                <xsl:with-param name="zh">门户网站</xsl:with-param>
                <xsl:with-param name="en"> portal</xsl:with-param>
              </xsl:call-template>
            </p>
            <ul class="portal-toplinks">
              <!-- 大字版、高对比度（长者模式）：civic 的开关，不用脚本 / the display switch -->
              <li>
                <xsl:call-template name="a11y-switch"/>
              </li>
              <li>
                <xsl:call-template name="lang-switch"/>
              </li>
            </ul>
          </div>
        </div>

        <!-- 横幅：国徽（CSS 绘制的标志）、县名、标语 / the banner -->
        <header class="portal-header">
          <div class="wrap portal-banner">
            <span class="portal-emblem" aria-hidden="true">★</span>
            <div class="portal-title">
              <a class="portal-name">
                <xsl:attribute name="href">
                  <xsl:call-template name="a11y-href">
                    <xsl:with-param name="href" select="/page/site/@base"/>
                  </xsl:call-template>
                </xsl:attribute>
                <xsl:value-of select="/page/site/@name"/>
              </a>
              <p class="portal-slogan">
                <xsl:call-template name="portal-text">
                  <xsl:with-param name="zh">为民服务　务实高效　公开透明</xsl:with-param>
                  <xsl:with-param name="en">Serving the people, openly and efficiently</xsl:with-param>
                </xsl:call-template>
              </p>
            </div>
          </div>

          <!-- 门户导航：本站栏目，各 civic 程序在其中 / the portal's columns -->
          <nav class="portal-nav">
            <xsl:attribute name="aria-label">
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="'nav.label'"/>
              </xsl:call-template>
            </xsl:attribute>
            <ul class="wrap">
              <xsl:call-template name="nav-item">
                <xsl:with-param name="key" select="'nav.home'"/>
                <xsl:with-param name="href" select="/page/site/@base"/>
              </xsl:call-template>
              <xsl:call-template name="nav-item">
                <xsl:with-param name="key" select="'nav.catalogue'"/>
                <xsl:with-param name="href" select="'/catalogue/'"/>
              </xsl:call-template>
              <xsl:call-template name="nav-item">
                <xsl:with-param name="key" select="'nav.prereview'"/>
                <xsl:with-param name="href" select="'/prereview/'"/>
              </xsl:call-template>
              <xsl:call-template name="nav-item">
                <xsl:with-param name="key" select="'nav.mailbox'"/>
                <xsl:with-param name="href" select="'/mailbox/'"/>
              </xsl:call-template>
              <xsl:call-template name="nav-item">
                <xsl:with-param name="key" select="'nav.consult'"/>
                <xsl:with-param name="href" select="'/consult/'"/>
              </xsl:call-template>
              <xsl:call-template name="nav-item">
                <xsl:with-param name="key" select="'nav.evaluate'"/>
                <xsl:with-param name="href" select="'/evaluate/'"/>
              </xsl:call-template>
            </ul>
          </nav>
        </header>

        <!-- 位置：首页 > 当前栏目 / where the visitor is -->
        <div class="wrap portal-crumbs">
          <a>
            <xsl:attribute name="href">
              <xsl:call-template name="a11y-href">
                <xsl:with-param name="href" select="/page/site/@base"/>
              </xsl:call-template>
            </xsl:attribute>
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'nav.home'"/>
            </xsl:call-template>
          </a>
          <xsl:text> &gt; </xsl:text>
          <span><xsl:value-of select="normalize-space($title)"/></span>
        </div>

        <!-- 正文（请保留）/ the content: keep this -->
        <main id="main" tabindex="-1">
          <div class="wrap">
            <xsl:call-template name="messages"/>
            <!-- mode="content" through page-content, which keeps the display mode on links -->
            <xsl:call-template name="page-content"/>
          </div>
        </main>

        <!-- 页脚：主办单位、联系方式、备案号、政府网站标识码 / the footer -->
        <footer class="portal-footer">
          <div class="wrap">
            <p>
              <span class="footer-item">
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'footer.host'"/>
                </xsl:call-template>
                <xsl:value-of select="$host"/>
              </span>
              <span class="footer-item">
                <xsl:call-template name="portal-text">
                  <xsl:with-param name="zh" select="$contact-zh"/>
                  <xsl:with-param name="en" select="$contact-en"/>
                </xsl:call-template>
              </span>
            </p>
            <p>
              <span class="footer-item portal-icp">
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'footer.icp'"/>
                </xsl:call-template>
                <xsl:value-of select="$icp-number"/>
              </span>
              <span class="footer-item portal-police">
                <xsl:value-of select="$police-number"/>
              </span>
              <span class="footer-item portal-site-code">
                <xsl:text>政府网站标识码：</xsl:text>
                <xsl:value-of select="$site-code"/>
              </span>
            </p>
          </div>
        </footer>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
