<?xml version="1.0" encoding="UTF-8"?>
<!--
  evaluate-case.xsl: included by evaluate.xsl.  A handled case's rating
  (modules/evaluate/case.c), public, at the link the case's page and its
  notification carry.  Views (/page/@view):

    case    GET /case/{no}/{token}[?done=rated], POST refused (422)
              /page/case (kind, no, href: the form's action, state: open
              (handled, not rated) | rated | pending (not handled yet)),
              its <department> and <handled> (time), <rated> (time) once
              rated, <callback days=""/> after a 差评 that opened a
              rectification case; /page/rating-form while open; messages
              evaluate.case.done, .already, .not-handled; errors beside
              level, the indicators, reason (evaluate.bad.reason,
              evaluate.case.reason-gone) and comment.

  Nothing of the case's text or of its writer is on the page: only what
  anyone holding the link may see.  Named templates begin with "ec-".
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template name="ec-meta">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <div>
      <dt>
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </dt>
      <dd>
        <xsl:copy-of select="$value"/>
      </dd>
    </div>
  </xsl:template>

  <xsl:template match="page[@view = 'case']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'evaluate.case.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'case']" mode="content">
    <xsl:variable name="c" select="case"/>
    <h1>
      <xsl:apply-templates select="/page" mode="title"/>
    </h1>
    <dl class="meta-list">
      <xsl:call-template name="ec-meta">
        <xsl:with-param name="key" select="'evaluate.case.kind'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="concat('evaluate.kind.', $c/@kind)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="ec-meta">
        <xsl:with-param name="key" select="'evaluate.case.no'"/>
        <xsl:with-param name="value">
          <strong><xsl:value-of select="$c/@no"/></strong>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$c/department">
        <xsl:call-template name="ec-meta">
          <xsl:with-param name="key" select="'evaluate.case.department'"/>
          <xsl:with-param name="value">
            <xsl:value-of select="$c/department"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$c/handled">
        <xsl:call-template name="ec-meta">
          <xsl:with-param name="key" select="'evaluate.case.handled'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="eval-time">
              <xsl:with-param name="t" select="string($c/handled)"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </dl>

    <xsl:choose>
      <xsl:when test="$c/@state = 'rated'">
        <p class="notice">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'evaluate.case.rated'"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="eval-time">
            <xsl:with-param name="t" select="string($c/rated)"/>
          </xsl:call-template>
        </p>
        <xsl:if test="$c/callback">
          <p>
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'evaluate.case.callback'"/>
              <xsl:with-param name="n" select="string($c/callback/@days)"/>
            </xsl:call-template>
          </p>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$c/@state = 'pending'">
        <p class="notice">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'evaluate.case.pending'"/>
          </xsl:call-template>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <p class="lead">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'evaluate.case.intro'"/>
          </xsl:call-template>
        </p>
        <xsl:call-template name="error-summary">
          <xsl:with-param name="label-prefix" select="'evaluate.f.'"/>
        </xsl:call-template>
        <form class="form" method="post" action="{$c/@href}" accept-charset="UTF-8"
            novalidate="novalidate">
          <xsl:call-template name="form-hidden"/>
          <xsl:call-template name="rating-fields"/>
          <xsl:call-template name="submit">
            <xsl:with-param name="label" select="'evaluate.case.submit'"/>
          </xsl:call-template>
        </form>
        <p class="hint">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'evaluate.case.privacy'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
