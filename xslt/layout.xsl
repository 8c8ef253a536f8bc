<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout.xsl：网站外观（页头、导航、页脚）。网站管理员只需修改本文件和
  static/civic.css，即可让各个栏目的页面与本站风格一致。
  The site's look: the one stylesheet a webmaster edits (with static/civic.css).

  可以修改 / what to edit:
    1. 下面的「本站设置」：备案号、样式表地址。
    2. 导航栏的栏目（nav-item 行），可增删、调整顺序。
    3. 页头、页脚的 HTML 结构与 class 名称。
  文字在 i18n/zh-CN.xml 与 i18n/en.xml 中（按 key 查找）。
  Texts live in i18n/zh-CN.xml and i18n/en.xml, by key.

  请勿删除 / keep:  <main id="main"> 及其中的 messages 与
  page-content（各栏目的内容由此输出，即 apply-templates mode="content"，
  并在大字版、高对比度下把该方式带到内容的链接上），<html> 的 class
  （$a11y-class）与页头的 a11y-switch（大字版、高对比度的开关），以及 <head>
  中的 apply-templates mode="head"（各栏目页面所需的脚本等由此加入）。
  导航项、工作人员栏、语言切换、显示方式的模板（nav-item、staff-bar、
  lang-switch、a11y-switch、page-content）
  在 common.xsl 中，本文件只决定它们放在哪里。
  The templates of the navigation items, the staff bar and the language
  switch are in common.xsl; this file only places them.
  不要加入 <script> 或 style="" 属性：本站的安全策略（CSP）不允许。
  No <script> and no style="" attributes: the Content-Security-Policy forbids them.
  （栏目需要的脚本是 static/ 下的文件，由栏目经 mode="head" 加入。
  A feature's script is a file under static/, added through mode="head".）
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <!-- ===== 本站设置 / site settings ===== -->

  <!-- 备案号：示例，请改为本站的 ICP 备案号。Example: put the site's ICP number here. -->
  <xsl:variable name="icp-number">X ICP备00000000号（示例）</xsl:variable>

  <!-- 样式表地址。The stylesheet's address (static = /civic-static/ by default). -->
  <xsl:variable name="css-href" select="concat(/page/site/@static, 'static/civic.css')"/>

  <!-- ===== 页面 / the page ===== -->

  <xsl:template match="/">
    <xsl:variable name="title">
      <xsl:apply-templates select="/page" mode="title"/>
    </xsl:variable>
    <html lang="{$lang}">
      <!-- 大字版、高对比度（common.xsl 的 a11y-switch）/ the display modes -->
      <xsl:if test="$a11y-class != ''">
        <xsl:attribute name="class">
          <xsl:value-of select="$a11y-class"/>
        </xsl:attribute>
      </xsl:if>
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <!-- 表单有错时，标题以「错误：」开头，读屏软件会先读到。 -->
          <xsl:if test="/page/errors/error">
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'form.error-prefix'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="normalize-space($title) != ''">
            <xsl:value-of select="normalize-space($title)"/>
            <xsl:text> - </xsl:text>
          </xsl:if>
          <xsl:value-of select="/page/site/@name"/>
        </title>
        <link rel="stylesheet" href="{$css-href}"/>
        <!--
          各栏目自己的 <head> 内容（如某个页面的脚本、订阅链接），由栏目的
          样式表提供（mode="head"，common.xsl）。请保留此行。
          What a feature adds to <head> for one of its views (a script file,
          a feed link), from its own stylesheet: keep this line.
        -->
        <xsl:apply-templates select="/page" mode="head"/>
      </head>
      <body class="program-{/page/@program} view-{/page/@view}">
        <a class="skip-link" href="#main">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'site.skip'"/>
          </xsl:call-template>
        </a>

        <!-- 页头：网站名称与语言切换 / header: site name, language switch -->
        <header class="site-header">
          <!-- 工作人员登录后显示 / shown to a signed-in staff member only -->
          <xsl:apply-templates select="/page/staff[1]" mode="staff-bar"/>
          <div class="wrap site-header-inner">
            <a class="site-name">
              <xsl:attribute name="href">
                <xsl:call-template name="a11y-href">
                  <xsl:with-param name="href" select="/page/site/@base"/>
                </xsl:call-template>
              </xsl:attribute>
              <xsl:value-of select="/page/site/@name"/>
            </a>
            <div class="site-tools">
              <!-- 大字版、高对比度的开关 / the large-text and high-contrast switch -->
              <xsl:call-template name="a11y-switch"/>
              <xsl:call-template name="lang-switch"/>
            </div>
          </div>

          <!-- 导航栏：每个栏目一行，可增删 / navigation: one line an item -->
          <nav class="site-nav">
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
                <xsl:with-param name="key" select="'nav.mailbox'"/>
                <xsl:with-param name="href" select="'/mailbox/'"/>
              </xsl:call-template>
              <xsl:call-template name="nav-item">
                <xsl:with-param name="key" select="'nav.consult'"/>
                <xsl:with-param name="href" select="'/consult/'"/>
              </xsl:call-template>
              <xsl:call-template name="nav-item">
                <xsl:with-param name="key" select="'nav.prereview'"/>
                <xsl:with-param name="href" select="'/prereview/'"/>
              </xsl:call-template>
              <xsl:call-template name="nav-item">
                <xsl:with-param name="key" select="'nav.evaluate'"/>
                <xsl:with-param name="href" select="'/evaluate/'"/>
              </xsl:call-template>
              <xsl:call-template name="nav-item">
                <xsl:with-param name="key" select="'nav.catalogue'"/>
                <xsl:with-param name="href" select="'/catalogue/'"/>
              </xsl:call-template>
            </ul>
          </nav>
        </header>

        <!-- 正文（请保留）/ the content: keep this -->
        <main id="main" tabindex="-1">
          <div class="wrap">
            <xsl:call-template name="messages"/>
            <!-- mode="content" through page-content, which keeps the display mode on links -->
            <xsl:call-template name="page-content"/>
          </div>
        </main>

        <!-- 页脚 / footer -->
        <footer class="site-footer">
          <div class="wrap">
            <p class="footer-name">
              <xsl:value-of select="/page/site/@name"/>
            </p>
            <p>
              <span class="footer-item">
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'footer.host'"/>
                </xsl:call-template>
                <xsl:value-of select="/page/site/@name"/>
              </span>
              <span class="footer-item">
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'footer.copyright'"/>
                </xsl:call-template>
                <xsl:value-of select="/page/site/@name"/>
              </span>
              <span class="footer-item">
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'footer.icp'"/>
                </xsl:call-template>
                <xsl:value-of select="$icp-number"/>
              </span>
            </p>
          </div>
        </footer>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
