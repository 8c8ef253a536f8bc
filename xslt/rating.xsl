<?xml version="1.0" encoding="UTF-8"?>
<!--
  rating.xsl: a rating (好差评) wherever it shows, one implementation
  (modules/evaluate/rating.h): included by every program's stylesheet that
  shows a case or takes a rating.  Words in i18n/evaluate.xml.

    <xsl:apply-templates select="evaluation"/>  a case page's rating: the
        link to rate it (evaluation/@href), or the rating given
        (evaluation/rating), or nothing while the case is not handled;
    "rating-fields": the form's fields for /page/rating-form: the overall
        level, the indicators of the kind, the reason and the comment
        (a reason and a comment are required for 不满意 and 非常不满意);
    "rating-group" with params name, label (a message key), required
        ('yes' | 'no'): one question's five levels as radio buttons in a
        fieldset, the chosen one kept when a form comes back; legend (text,
        not a key: a campaign's own question) instead of label when given;
    "rating-level" with param level (1..5): the level's word.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template name="rating-level">
    <xsl:param name="level"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="concat('evaluate.level.', $level)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="evaluation">
    <section class="evaluation" aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'evaluate.case.heading'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="rating">
          <dl class="meta-list">
            <xsl:for-each select="rating/*[local-name() = 'level' or local-name() = 'efficiency'
                or local-name() = 'accuracy' or local-name() = 'convenience'
                or local-name() = 'attitude' or local-name() = 'professionalism']">
              <div>
                <dt>
                  <xsl:call-template name="t">
                    <xsl:with-param name="key" select="concat('evaluate.f.', local-name())"/>
                  </xsl:call-template>
                </dt>
                <dd>
                  <strong>
                    <xsl:call-template name="rating-level">
                      <xsl:with-param name="level" select="string(.)"/>
                    </xsl:call-template>
                  </strong>
                </dd>
              </div>
            </xsl:for-each>
            <xsl:if test="rating/reason_name">
              <div>
                <dt>
                  <xsl:call-template name="t">
                    <xsl:with-param name="key" select="'evaluate.f.reason'"/>
                  </xsl:call-template>
                </dt>
                <dd><xsl:value-of select="rating/reason_name"/></dd>
              </div>
            </xsl:if>
            <div>
              <dt>
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'evaluate.case.rated-at'"/>
                </xsl:call-template>
              </dt>
              <dd>
                <time datetime="{translate(rating/rated_at, ' ', 'T')}">
                  <xsl:value-of select="substring(rating/rated_at, 1, 16)"/>
                </time>
              </dd>
            </div>
          </dl>
          <xsl:if test="rating/comment">
            <p class="text-body"><xsl:value-of select="rating/comment"/></p>
          </xsl:if>
        </xsl:when>
        <xsl:when test="@href">
          <p>
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'evaluate.case.invite'"/>
            </xsl:call-template>
          </p>
          <p>
            <a class="button" href="{@href}">
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="'evaluate.case.go'"/>
              </xsl:call-template>
            </a>
          </p>
        </xsl:when>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="rating-fields">
    <xsl:variable name="form" select="/page/rating-form"/>
    <xsl:call-template name="rating-group">
      <xsl:with-param name="name" select="'level'"/>
      <xsl:with-param name="label" select="'evaluate.f.level'"/>
    </xsl:call-template>
    <xsl:for-each select="$form/indicator">
      <xsl:call-template name="rating-group">
        <xsl:with-param name="name" select="string(.)"/>
        <xsl:with-param name="label" select="concat('evaluate.f.', .)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="'reason'"/>
      <xsl:with-param name="label" select="'evaluate.f.reason'"/>
      <xsl:with-param name="type" select="'select'"/>
      <xsl:with-param name="hint" select="'evaluate.h.reason'"/>
      <xsl:with-param name="options" select="$form/reasons/option"/>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="'comment'"/>
      <xsl:with-param name="label" select="'evaluate.f.comment'"/>
      <xsl:with-param name="type" select="'textarea'"/>
      <xsl:with-param name="hint" select="'evaluate.h.comment'"/>
      <xsl:with-param name="maxlength" select="'500'"/>
      <xsl:with-param name="rows" select="'4'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="rating-group">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="required" select="'yes'"/>
    <xsl:param name="legend"/>
    <xsl:variable name="chosen" select="string(/page/values/value[@name = $name][1])"/>
    <xsl:variable name="error" select="/page/errors/error[@field = $name][1]"/>
    <fieldset id="f-{$name}">
      <xsl:attribute name="class">
        <xsl:text>field rating-group</xsl:text>
        <xsl:if test="$error"> field-invalid</xsl:if>
      </xsl:attribute>
      <legend>
        <xsl:choose>
          <xsl:when test="string($legend) != ''">
            <xsl:value-of select="$legend"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="$label"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$required = 'yes'">
          <xsl:text> </xsl:text>
          <span class="req">
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'form.required'"/>
            </xsl:call-template>
          </span>
        </xsl:if>
      </legend>
      <xsl:if test="$error">
        <p class="field-error" id="f-{$name}-error">
          <span class="visually-hidden">
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'form.error-prefix'"/>
            </xsl:call-template>
          </span>
          <xsl:apply-templates select="$error" mode="text"/>
        </p>
      </xsl:if>
      <xsl:call-template name="rating-radio">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="level" select="5"/>
        <xsl:with-param name="chosen" select="$chosen"/>
        <xsl:with-param name="error" select="boolean($error)"/>
      </xsl:call-template>
    </fieldset>
  </xsl:template>

  <!-- Levels 5 down to 1, one radio button each (recursion: no node-set needed). -->
  <xsl:template name="rating-radio">
    <xsl:param name="name"/>
    <xsl:param name="level"/>
    <xsl:param name="chosen"/>
    <xsl:param name="error"/>
    <div class="field-checkbox">
      <input type="radio" id="f-{$name}-{$level}" name="{$name}" value="{$level}">
        <xsl:if test="string($level) = $chosen">
          <xsl:attribute name="checked">checked</xsl:attribute>
        </xsl:if>
        <xsl:if test="$error">
          <xsl:attribute name="aria-invalid">true</xsl:attribute>
          <xsl:attribute name="aria-describedby">
            <xsl:value-of select="concat('f-', $name, '-error')"/>
          </xsl:attribute>
        </xsl:if>
      </input>
      <label for="f-{$name}-{$level}">
        <xsl:call-template name="rating-level">
          <xsl:with-param name="level" select="$level"/>
        </xsl:call-template>
      </label>
    </div>
    <xsl:if test="$level &gt; 1">
      <xsl:call-template name="rating-radio">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="level" select="$level - 1"/>
        <xsl:with-param name="chosen" select="$chosen"/>
        <xsl:with-param name="error" select="$error"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
