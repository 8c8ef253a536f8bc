<?xml version="1.0" encoding="UTF-8"?>
<!--
  prereview-apply.xsl: included by prereview.xsl.  The applicant's pages
  (modules/prereview/apply.c, progress.c), public and without an account;
  named templates begin with "pra-".  Views:

    apply        GET /item/{code}/apply and a refused POST (422):
                 /page/item, /page/fields/field (seq kind required max;
                 label, option), /page/materials/material (seq name form
                 copies need cond cond_field cond_value note),
                 /page/form-time, /page/values, /page/errors
    apply-sent   GET /sent/{serial}: /page/receipt (serial, code only the
                 once it is shown; item, item-code)
    apply-track  GET /track, POST /track refused (422)
    apply-case   GET /case/{serial}, a refused correction (422):
                 /page/application, /page/reviews/review,
                 /page/history/event, /page/materials/material (seq marked
                 upload; name form copies need cond round file size
                 verdict), /page/files/file, /page/evaluation

  The applicant's name, ID number and phone are in the form only, never
  page text.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="exsl">

  <xsl:variable name="pra-accept" select="'.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'"/>

  <!-- ===== shared pieces ===== -->

  <xsl:template name="pra-t">
    <xsl:param name="key"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="$key"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="pra-p">
    <xsl:param name="key"/>
    <xsl:param name="class"/>
    <p>
      <xsl:if test="$class != ''">
        <xsl:attribute name="class"><xsl:value-of select="$class"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
    </p>
  </xsl:template>

  <!-- <div><dt>label</dt><dd>content</dd></div> inside a meta-list. -->
  <xsl:template name="pra-meta">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <div>
      <dt>
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </dt>
      <dd><xsl:copy-of select="$value"/></dd>
    </div>
  </xsl:template>

  <!-- The total of the files is over the bound: the bound as people read it. -->
  <xsl:template match="error[@key = 'prereview.apply.files-total']" mode="text">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="@key"/>
      <xsl:with-param name="max">
        <xsl:call-template name="human-size">
          <xsl:with-param name="bytes" select="@max"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The label of a field by its name: the item's own fields and materials by their data. -->
  <xsl:template name="pra-label-of">
    <xsl:param name="field"/>
    <xsl:variable name="n" select="substring($field, 2)"/>
    <xsl:choose>
      <xsl:when test="starts-with($field, 'x') and /page/fields/field[@seq = $n]">
        <xsl:value-of select="/page/fields/field[@seq = $n]/label"/>
      </xsl:when>
      <xsl:when test="starts-with($field, 'm') and /page/materials/material[seq = $n or @seq = $n]">
        <xsl:value-of select="/page/materials/material[seq = $n or @seq = $n]/name"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="concat('prereview.apply.f.', $field)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The errors at the top of a form, each a link to its field, named by its label. -->
  <xsl:template name="pra-error-summary">
    <xsl:if test="/page/errors/error">
      <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
        <h2 id="error-summary-title">
          <xsl:call-template name="pra-t">
            <xsl:with-param name="key" select="'form.error-summary'"/>
          </xsl:call-template>
        </h2>
        <ul>
          <xsl:for-each select="/page/errors/error">
            <li>
              <xsl:choose>
                <xsl:when test="@field = 'csrf' or @field = 'idem' or @field = 'issued' or @field = 'sig' or not(@field)">
                  <xsl:apply-templates select="." mode="text"/>
                </xsl:when>
                <xsl:otherwise>
                  <a href="#f-{@field}">
                    <xsl:call-template name="pra-label-of">
                      <xsl:with-param name="field" select="string(@field)"/>
                    </xsl:call-template>
                    <xsl:call-template name="pra-t">
                      <xsl:with-param name="key" select="'form.colon'"/>
                    </xsl:call-template>
                    <xsl:apply-templates select="." mode="text"/>
                  </a>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- "(required)" or "(optional)" after a label. -->
  <xsl:template name="pra-req">
    <xsl:param name="required"/>
    <xsl:text> </xsl:text>
    <xsl:choose>
      <xsl:when test="$required = 'cond'">
        <span class="opt">
          <xsl:call-template name="pra-t">
            <xsl:with-param name="key" select="'prereview.apply.conditional'"/>
          </xsl:call-template>
        </span>
      </xsl:when>
      <xsl:when test="$required = 'yes'">
        <span class="req">
          <xsl:call-template name="pra-t">
            <xsl:with-param name="key" select="'form.required'"/>
          </xsl:call-template>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="opt">
          <xsl:call-template name="pra-t">
            <xsl:with-param name="key" select="'form.optional'"/>
          </xsl:call-template>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A field's error paragraph, its id for aria-describedby. -->
  <xsl:template name="pra-field-error">
    <xsl:param name="id"/>
    <xsl:param name="error"/>
    <xsl:if test="$error">
      <p class="field-error" id="{$id}-error">
        <span class="visually-hidden">
          <xsl:call-template name="pra-t">
            <xsl:with-param name="key" select="'form.error-prefix'"/>
          </xsl:call-template>
        </span>
        <xsl:apply-templates select="$error" mode="text"/>
      </p>
    </xsl:if>
  </xsl:template>

  <!--
    One of the item's own fields (x{seq}), labelled by its pr_field label:
    a text, a text area, a number, a date or a choice, as its kind says.
  -->
  <xsl:template name="pra-xfield">
    <xsl:variable name="name" select="concat('x', @seq)"/>
    <xsl:variable name="id" select="concat('f-', $name)"/>
    <xsl:variable name="value" select="string(/page/values/value[@name = $name][1])"/>
    <xsl:variable name="error" select="/page/errors/error[@field = $name][1]"/>
    <xsl:variable name="required">
      <xsl:choose>
        <xsl:when test="@required = '1'">yes</xsl:when>
        <xsl:otherwise>no</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="describedby">
      <xsl:if test="$error"><xsl:value-of select="concat($id, '-error')"/></xsl:if>
    </xsl:variable>
    <div class="field field-{@kind}">
      <xsl:if test="$error">
        <xsl:attribute name="class">field field-<xsl:value-of select="@kind"/> field-invalid</xsl:attribute>
      </xsl:if>
      <label for="{$id}">
        <xsl:value-of select="label"/>
        <xsl:call-template name="pra-req">
          <xsl:with-param name="required" select="$required"/>
        </xsl:call-template>
      </label>
      <xsl:call-template name="pra-field-error">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="error" select="$error"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="@kind = 'multiline'">
          <textarea id="{$id}" name="{$name}" rows="5">
            <xsl:call-template name="field-attributes">
              <xsl:with-param name="required" select="$required"/>
              <xsl:with-param name="maxlength" select="@max"/>
              <xsl:with-param name="describedby" select="$describedby"/>
              <xsl:with-param name="invalid" select="boolean($error)"/>
            </xsl:call-template>
            <xsl:text>&#10;</xsl:text>
            <xsl:value-of select="$value"/>
          </textarea>
        </xsl:when>
        <xsl:when test="@kind = 'choice'">
          <select id="{$id}" name="{$name}">
            <xsl:call-template name="field-attributes">
              <xsl:with-param name="required" select="$required"/>
              <xsl:with-param name="describedby" select="$describedby"/>
              <xsl:with-param name="invalid" select="boolean($error)"/>
            </xsl:call-template>
            <option value="">
              <xsl:call-template name="pra-t">
                <xsl:with-param name="key" select="'form.choose'"/>
              </xsl:call-template>
            </option>
            <xsl:for-each select="option">
              <option value="{.}">
                <xsl:if test="string(.) = $value">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
        </xsl:when>
        <xsl:otherwise>
          <input id="{$id}" name="{$name}" value="{$value}">
            <xsl:attribute name="type">
              <xsl:choose>
                <xsl:when test="@kind = 'date'">date</xsl:when>
                <xsl:otherwise>text</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:call-template name="field-attributes">
              <xsl:with-param name="required" select="$required"/>
              <xsl:with-param name="maxlength" select="@max"/>
              <xsl:with-param name="inputmode">
                <xsl:if test="@kind = 'number'">decimal</xsl:if>
              </xsl:with-param>
              <xsl:with-param name="describedby" select="$describedby"/>
              <xsl:with-param name="invalid" select="boolean($error)"/>
            </xsl:call-template>
          </input>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- What a material is: original or copy, how many, its note. -->
  <xsl:template name="pra-material-facts">
    <xsl:param name="m"/>
    <xsl:call-template name="pra-t">
      <xsl:with-param name="key" select="concat('prereview.apply.form.', $m/form)"/>
    </xsl:call-template>
    <xsl:call-template name="pra-t">
      <xsl:with-param name="key" select="'prereview.apply.sep'"/>
    </xsl:call-template>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'prereview.apply.copies'"/>
      <xsl:with-param name="n" select="string($m/copies)"/>
    </xsl:call-template>
    <xsl:if test="normalize-space($m/note) != ''">
      <xsl:call-template name="pra-t">
        <xsl:with-param name="key" select="'prereview.apply.sep'"/>
      </xsl:call-template>
      <xsl:value-of select="$m/note"/>
    </xsl:if>
  </xsl:template>

  <!--
    A material's upload slot (m{seq}): its name as the label, what it is
    (original or copy, copies, note), and for a conditional one its
    condition in words; required when the material is.
  -->
  <xsl:template name="pra-slot">
    <xsl:param name="seq"/>
    <xsl:param name="m"/>
    <xsl:param name="required"/>
    <xsl:param name="cond"/>
    <!-- required: yes, no, or cond (needed when its condition holds) -->
    <xsl:variable name="name" select="concat('m', $seq)"/>
    <xsl:variable name="id" select="concat('f-', $name)"/>
    <xsl:variable name="error" select="/page/errors/error[@field = $name][1]"/>
    <xsl:variable name="again" select="/page/errors/error"/>
    <div>
      <xsl:attribute name="class">
        <xsl:text>field field-file</xsl:text>
        <xsl:if test="$error"> field-invalid</xsl:if>
      </xsl:attribute>
      <label for="{$id}">
        <xsl:value-of select="$m/name"/>
        <xsl:call-template name="pra-req">
          <xsl:with-param name="required" select="$required"/>
        </xsl:call-template>
      </label>
      <p class="hint" id="{$id}-hint">
        <xsl:call-template name="pra-material-facts">
          <xsl:with-param name="m" select="$m"/>
        </xsl:call-template>
      </p>
      <xsl:if test="$cond != ''">
        <p class="hint" id="{$id}-cond">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'prereview.apply.cond'"/>
            <xsl:with-param name="s" select="$cond"/>
          </xsl:call-template>
        </p>
      </xsl:if>
      <xsl:call-template name="pra-field-error">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="error" select="$error"/>
      </xsl:call-template>
      <input type="file" id="{$id}" name="{$name}" accept="{$pra-accept}">
        <xsl:call-template name="field-attributes">
          <xsl:with-param name="required" select="$required"/>
          <xsl:with-param name="describedby">
            <xsl:value-of select="concat($id, '-hint')"/>
            <xsl:if test="$cond != ''"><xsl:value-of select="concat(' ', $id, '-cond')"/></xsl:if>
            <xsl:if test="$error"><xsl:value-of select="concat(' ', $id, '-error')"/></xsl:if>
            <xsl:if test="$again"><xsl:value-of select="concat(' ', $id, '-again')"/></xsl:if>
          </xsl:with-param>
          <xsl:with-param name="invalid" select="boolean($error)"/>
        </xsl:call-template>
      </input>
      <xsl:if test="$again">
        <p class="hint" id="{$id}-again">
          <xsl:call-template name="pra-t">
            <xsl:with-param name="key" select="'prereview.apply.file-again'"/>
          </xsl:call-template>
        </p>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- ===== apply ===== -->

  <xsl:template match="page[@view = 'apply']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'prereview.apply.title'"/>
      <xsl:with-param name="s" select="string(item/name)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'apply']" mode="content">
    <xsl:variable name="item" select="item"/>
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <dl class="meta-list">
      <xsl:call-template name="pra-meta">
        <xsl:with-param name="key" select="'prereview.apply.item-code'"/>
        <xsl:with-param name="value" select="string($item/code)"/>
      </xsl:call-template>
      <xsl:call-template name="pra-meta">
        <xsl:with-param name="key" select="'prereview.apply.department'"/>
        <xsl:with-param name="value" select="string($item/department)"/>
      </xsl:call-template>
      <xsl:call-template name="pra-meta">
        <xsl:with-param name="key" select="'prereview.apply.promised'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'prereview.apply.days'"/>
            <xsl:with-param name="n" select="string($item/promised_days)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </dl>
    <xsl:call-template name="pra-p">
      <xsl:with-param name="key" select="'prereview.apply.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <xsl:call-template name="pra-error-summary"/>
    <form class="form" method="post" action="{$pr-mount}item/{$item/code}/apply"
        enctype="multipart/form-data" accept-charset="UTF-8" novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <input type="hidden" name="issued" value="{/page/form-time/@issued}"/>
      <input type="hidden" name="sig" value="{/page/form-time/@sig}"/>
      <fieldset>
        <legend>
          <xsl:call-template name="pra-t">
            <xsl:with-param name="key" select="'prereview.apply.applicant'"/>
          </xsl:call-template>
        </legend>
        <xsl:call-template name="pra-p">
          <xsl:with-param name="key" select="'prereview.apply.privacy'"/>
          <xsl:with-param name="class" select="'notice'"/>
        </xsl:call-template>
        <xsl:variable name="kind-options">
          <o value="person">
            <xsl:call-template name="pra-t">
              <xsl:with-param name="key" select="'prereview.apply.kind.person'"/>
            </xsl:call-template>
          </o>
          <o value="enterprise">
            <xsl:call-template name="pra-t">
              <xsl:with-param name="key" select="'prereview.apply.kind.enterprise'"/>
            </xsl:call-template>
          </o>
        </xsl:variable>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'applicant_kind'"/>
          <xsl:with-param name="label" select="'prereview.apply.f.applicant_kind'"/>
          <xsl:with-param name="type" select="'select'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="options" select="exsl:node-set($kind-options)/o"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="label" select="'prereview.apply.f.name'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="hint" select="'prereview.apply.h.name'"/>
          <xsl:with-param name="maxlength" select="'50'"/>
          <xsl:with-param name="autocomplete" select="'name'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'id_card'"/>
          <xsl:with-param name="label" select="'prereview.apply.f.id_card'"/>
          <xsl:with-param name="required" select="'cond'"/>
          <xsl:with-param name="required-key" select="'prereview.apply.req.person'"/>
          <xsl:with-param name="hint" select="'prereview.apply.h.id_card'"/>
          <xsl:with-param name="maxlength" select="'18'"/>
          <xsl:with-param name="autocomplete" select="'off'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'uscc'"/>
          <xsl:with-param name="label" select="'prereview.apply.f.uscc'"/>
          <xsl:with-param name="required" select="'cond'"/>
          <xsl:with-param name="required-key" select="'prereview.apply.req.enterprise'"/>
          <xsl:with-param name="hint" select="'prereview.apply.h.uscc'"/>
          <xsl:with-param name="maxlength" select="'18'"/>
          <xsl:with-param name="autocomplete" select="'off'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'contact'"/>
          <xsl:with-param name="label" select="'prereview.apply.f.contact'"/>
          <xsl:with-param name="required" select="'cond'"/>
          <xsl:with-param name="required-key" select="'prereview.apply.req.enterprise'"/>
          <xsl:with-param name="hint" select="'prereview.apply.h.contact'"/>
          <xsl:with-param name="maxlength" select="'20'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'phone'"/>
          <xsl:with-param name="label" select="'prereview.apply.f.phone'"/>
          <xsl:with-param name="type" select="'tel'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="hint" select="'prereview.apply.h.phone'"/>
          <xsl:with-param name="maxlength" select="'11'"/>
          <xsl:with-param name="autocomplete" select="'tel'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'email'"/>
          <xsl:with-param name="label" select="'prereview.apply.f.email'"/>
          <xsl:with-param name="type" select="'email'"/>
          <xsl:with-param name="maxlength" select="'254'"/>
          <xsl:with-param name="autocomplete" select="'email'"/>
        </xsl:call-template>
      </fieldset>
      <xsl:if test="fields/field">
        <fieldset>
          <legend>
            <xsl:call-template name="pra-t">
              <xsl:with-param name="key" select="'prereview.apply.item-fields'"/>
            </xsl:call-template>
          </legend>
          <xsl:for-each select="fields/field">
            <xsl:call-template name="pra-xfield"/>
          </xsl:for-each>
        </fieldset>
      </xsl:if>
      <fieldset>
        <legend>
          <xsl:call-template name="pra-t">
            <xsl:with-param name="key" select="'prereview.apply.materials'"/>
          </xsl:call-template>
        </legend>
        <xsl:call-template name="pra-p">
          <xsl:with-param name="key" select="'prereview.apply.h.files'"/>
          <xsl:with-param name="class" select="'hint'"/>
        </xsl:call-template>
        <xsl:for-each select="materials/material">
          <xsl:call-template name="pra-slot">
            <xsl:with-param name="seq" select="string(seq)"/>
            <xsl:with-param name="m" select="."/>
            <xsl:with-param name="required">
              <xsl:choose>
                <xsl:when test="need = 'required'">yes</xsl:when>
                <xsl:when test="need = 'conditional'">cond</xsl:when>
                <xsl:otherwise>no</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="cond">
              <xsl:if test="need = 'conditional'"><xsl:value-of select="cond"/></xsl:if>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </fieldset>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'consent'"/>
        <xsl:with-param name="label" select="'prereview.apply.f.consent'"/>
        <xsl:with-param name="type" select="'checkbox'"/>
        <xsl:with-param name="required" select="'yes'"/>
      </xsl:call-template>
      <div class="visually-hidden" aria-hidden="true">
        <label for="f-website">
          <xsl:call-template name="pra-t">
            <xsl:with-param name="key" select="'prereview.apply.honeypot-label'"/>
          </xsl:call-template>
        </label>
        <input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off"
            value="{/page/values/value[@name = 'website']}"/>
      </div>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'prereview.apply.submit'"/>
      </xsl:call-template>
    </form>
    <p class="back-link">
      <a href="{$pr-mount}track">
        <xsl:call-template name="pra-t">
          <xsl:with-param name="key" select="'prereview.track.title'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- ===== apply-sent ===== -->

  <xsl:template match="page[@view = 'apply-sent']" mode="title">
    <xsl:call-template name="pra-t">
      <xsl:with-param name="key" select="'prereview.sent.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'apply-sent']" mode="content">
    <xsl:variable name="rc" select="receipt"/>
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <xsl:call-template name="pra-p">
      <xsl:with-param name="key" select="'prereview.sent.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <dl class="meta-list">
      <xsl:if test="$rc/item">
        <xsl:call-template name="pra-meta">
          <xsl:with-param name="key" select="'prereview.apply.item'"/>
          <xsl:with-param name="value" select="string($rc/item)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="pra-meta">
        <xsl:with-param name="key" select="'prereview.track.f.no'"/>
        <xsl:with-param name="value">
          <strong class="serial"><xsl:value-of select="$rc/@serial"/></strong>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$rc/@code">
        <xsl:call-template name="pra-meta">
          <xsl:with-param name="key" select="'prereview.track.f.code'"/>
          <xsl:with-param name="value">
            <strong class="code"><xsl:value-of select="$rc/@code"/></strong>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </dl>
    <xsl:choose>
      <xsl:when test="$rc/@code">
        <xsl:call-template name="pra-p">
          <xsl:with-param name="key" select="'prereview.sent.write-down'"/>
          <xsl:with-param name="class" select="'notice'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pra-p">
          <xsl:with-param name="key" select="'prereview.sent.shown-once'"/>
          <xsl:with-param name="class" select="'notice'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <h2>
      <xsl:call-template name="pra-t">
        <xsl:with-param name="key" select="'prereview.sent.next'"/>
      </xsl:call-template>
    </h2>
    <ol>
      <li><xsl:call-template name="pra-t"><xsl:with-param name="key" select="'prereview.sent.next1'"/></xsl:call-template></li>
      <li><xsl:call-template name="pra-t"><xsl:with-param name="key" select="'prereview.sent.next2'"/></xsl:call-template></li>
      <li><xsl:call-template name="pra-t"><xsl:with-param name="key" select="'prereview.sent.next3'"/></xsl:call-template></li>
    </ol>
    <p>
      <a class="button" href="{$pr-mount}case/{$rc/@serial}">
        <xsl:call-template name="pra-t">
          <xsl:with-param name="key" select="'prereview.sent.progress'"/>
        </xsl:call-template>
      </a>
    </p>
    <p class="back-link">
      <a href="{$pr-mount}track?no={$rc/@serial}">
        <xsl:call-template name="pra-t">
          <xsl:with-param name="key" select="'prereview.track.title'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- ===== apply-track ===== -->

  <xsl:template match="page[@view = 'apply-track']" mode="title">
    <xsl:call-template name="pra-t">
      <xsl:with-param name="key" select="'prereview.track.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'apply-track']" mode="content">
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <xsl:call-template name="pra-p">
      <xsl:with-param name="key" select="'prereview.track.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'prereview.track.f.'"/>
    </xsl:call-template>
    <form class="form" method="post" action="{$pr-mount}track" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="form-csrf"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'no'"/>
        <xsl:with-param name="label" select="'prereview.track.f.no'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'prereview.track.h.no'"/>
        <xsl:with-param name="maxlength" select="'17'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'code'"/>
        <xsl:with-param name="label" select="'prereview.track.f.code'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'prereview.track.h.code'"/>
        <xsl:with-param name="maxlength" select="'32'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'prereview.track.submit'"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- ===== apply-case ===== -->

  <xsl:template match="page[@view = 'apply-case']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'prereview.case.title'"/>
      <xsl:with-param name="s" select="string(application/serial)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="pra-state">
    <xsl:param name="prefix"/>
    <xsl:param name="code"/>
    <xsl:call-template name="pra-t">
      <xsl:with-param name="key" select="concat($prefix, $code)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'apply-case']" mode="content">
    <xsl:variable name="a" select="application"/>
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <dl class="meta-list">
      <xsl:call-template name="pra-meta">
        <xsl:with-param name="key" select="'prereview.apply.item'"/>
        <xsl:with-param name="value" select="string($a/item)"/>
      </xsl:call-template>
      <xsl:call-template name="pra-meta">
        <xsl:with-param name="key" select="'prereview.apply.department'"/>
        <xsl:with-param name="value" select="string($a/department)"/>
      </xsl:call-template>
      <xsl:call-template name="pra-meta">
        <xsl:with-param name="key" select="'prereview.case.state'"/>
        <xsl:with-param name="value">
          <strong>
            <xsl:call-template name="pra-state">
              <xsl:with-param name="prefix" select="'prereview.state.'"/>
              <xsl:with-param name="code" select="string($a/state)"/>
            </xsl:call-template>
          </strong>
          <xsl:text> </xsl:text>
          <xsl:call-template name="pr-light">
            <xsl:with-param name="light" select="string($a/light)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="pra-meta">
        <xsl:with-param name="key" select="'prereview.case.round'"/>
        <xsl:with-param name="value" select="string($a/round)"/>
      </xsl:call-template>
      <xsl:call-template name="pra-meta">
        <xsl:with-param name="key" select="'prereview.case.created'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="pr-time">
            <xsl:with-param name="t" select="string($a/created)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:for-each select="$a/resubmitted | $a/decided | $a/completed">
        <xsl:call-template name="pra-meta">
          <xsl:with-param name="key" select="concat('prereview.case.', local-name())"/>
          <xsl:with-param name="value">
            <xsl:call-template name="pr-time">
              <xsl:with-param name="t" select="string(.)"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="$a/due">
        <xsl:call-template name="pra-meta">
          <xsl:with-param name="key" select="'prereview.case.due'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="pr-time">
              <xsl:with-param name="t" select="string($a/due)"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </dl>

    <section aria-labelledby="pra-next">
      <h2 id="pra-next">
        <xsl:call-template name="pra-t">
          <xsl:with-param name="key" select="'prereview.case.next'"/>
        </xsl:call-template>
      </h2>
      <xsl:call-template name="pra-next"/>
    </section>

    <section aria-labelledby="pra-reviews">
      <h2 id="pra-reviews">
        <xsl:call-template name="pra-t">
          <xsl:with-param name="key" select="'prereview.case.reviews'"/>
        </xsl:call-template>
      </h2>
      <!-- The portal's data table, in a labelled region that scrolls
           sideways on a phone (reachable by keyboard, as the review
           pages' tables). -->
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="pra-reviews">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col"><xsl:call-template name="pra-t"><xsl:with-param name="key" select="'prereview.apply.department'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="pra-t"><xsl:with-param name="key" select="'prereview.case.state'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="pra-t"><xsl:with-param name="key" select="'prereview.case.due'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="pra-t"><xsl:with-param name="key" select="'prereview.case.decided'"/></xsl:call-template></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="reviews/review">
            <tr>
              <th scope="row"><xsl:value-of select="department"/></th>
              <td>
                <xsl:call-template name="pra-state">
                  <xsl:with-param name="prefix" select="'prereview.review.'"/>
                  <xsl:with-param name="code" select="string(state)"/>
                </xsl:call-template>
                <xsl:text> </xsl:text>
                <xsl:call-template name="pr-light">
                  <xsl:with-param name="light" select="string(light)"/>
                </xsl:call-template>
                <xsl:if test="normalize-space(reason) != ''">
                  <p class="text-body"><xsl:value-of select="reason"/></p>
                </xsl:if>
              </td>
              <td>
                <xsl:call-template name="pr-time">
                  <xsl:with-param name="t" select="string(due)"/>
                </xsl:call-template>
              </td>
              <td>
                <xsl:call-template name="pr-time">
                  <xsl:with-param name="t" select="string(decided)"/>
                </xsl:call-template>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      </div>
    </section>

    <section aria-labelledby="pra-materials">
      <h2 id="pra-materials">
        <xsl:call-template name="pra-t">
          <xsl:with-param name="key" select="'prereview.apply.materials'"/>
        </xsl:call-template>
      </h2>
      <ul class="pra-materials">
        <xsl:for-each select="materials/material">
          <li>
            <strong><xsl:value-of select="name"/></strong>
            <xsl:text> </xsl:text>
            <xsl:choose>
              <xsl:when test="file">
                <a href="{$pr-mount}case/{$a/serial}/file/{@upload}">
                  <xsl:value-of select="file"/>
                </a>
                <xsl:text> (</xsl:text>
                <xsl:call-template name="human-size">
                  <xsl:with-param name="bytes" select="size"/>
                </xsl:call-template>
                <xsl:text>)</xsl:text>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="pra-t">
                  <xsl:with-param name="key" select="'prereview.case.no-file'"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:if test="verdict">
              <ul>
                <xsl:for-each select="verdict">
                  <li>
                    <xsl:value-of select="@department"/>
                    <xsl:call-template name="pra-t">
                      <xsl:with-param name="key" select="'form.colon'"/>
                    </xsl:call-template>
                    <strong>
                      <xsl:call-template name="pra-state">
                        <xsl:with-param name="prefix" select="'prereview.verdict.'"/>
                        <xsl:with-param name="code" select="string(@verdict)"/>
                      </xsl:call-template>
                    </strong>
                    <xsl:if test="normalize-space(.) != ''">
                      <xsl:call-template name="pra-t">
                        <xsl:with-param name="key" select="'prereview.apply.sep'"/>
                      </xsl:call-template>
                      <xsl:value-of select="."/>
                    </xsl:if>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </section>

    <xsl:if test="files/file">
      <section aria-labelledby="pra-files">
        <h2 id="pra-files">
          <xsl:call-template name="pra-t">
            <xsl:with-param name="key" select="'prereview.case.files'"/>
          </xsl:call-template>
        </h2>
        <ul>
          <xsl:for-each select="files/file">
            <li>
              <xsl:value-of select="material"/>
              <xsl:call-template name="pra-t">
                <xsl:with-param name="key" select="'form.colon'"/>
              </xsl:call-template>
              <a href="{$pr-mount}case/{$a/serial}/file/{id}">
                <xsl:value-of select="name"/>
              </a>
              <xsl:text> </xsl:text>
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="'prereview.case.file-round'"/>
                <xsl:with-param name="n" select="string(round)"/>
              </xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>

    <section aria-labelledby="pra-history">
      <h2 id="pra-history">
        <xsl:call-template name="pra-t">
          <xsl:with-param name="key" select="'prereview.case.history'"/>
        </xsl:call-template>
      </h2>
      <ol class="timeline">
        <xsl:for-each select="history/event">
          <li>
            <xsl:call-template name="pr-time">
              <xsl:with-param name="t" select="string(at)"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:call-template name="pra-state">
              <xsl:with-param name="prefix" select="'prereview.event.'"/>
              <xsl:with-param name="code" select="string(kind)"/>
            </xsl:call-template>
            <xsl:if test="department">
              <xsl:text> · </xsl:text>
              <xsl:value-of select="department"/>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
    </section>

    <!-- Only once there is something to show (the link, or the rating), as
         the mailbox does: no empty heading while under review. -->
    <xsl:apply-templates select="evaluation[rating or @href]"/>
  </xsl:template>

  <!-- What the applicant does next, by the application's state. -->
  <xsl:template name="pra-next">
    <xsl:variable name="a" select="application"/>
    <xsl:choose>
      <xsl:when test="$a/state = 'correction'">
        <xsl:call-template name="pra-p">
          <xsl:with-param name="key" select="'prereview.case.next.correction'"/>
        </xsl:call-template>
        <xsl:if test="normalize-space($a/notice) != ''">
          <div class="notice text-body"><xsl:value-of select="$a/notice"/></div>
        </xsl:if>
        <xsl:call-template name="pra-correct-form"/>
      </xsl:when>
      <xsl:when test="$a/state = 'passed'">
        <p>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'prereview.case.next.passed'"/>
            <xsl:with-param name="s" select="string($a/pickup_window)"/>
          </xsl:call-template>
        </p>
        <ul>
          <xsl:for-each select="materials/material[(form = 'original' or form = 'both') and file]">
            <li>
              <xsl:value-of select="name"/>
              <xsl:call-template name="pra-t">
                <xsl:with-param name="key" select="'prereview.apply.sep'"/>
              </xsl:call-template>
              <xsl:call-template name="pra-material-facts">
                <xsl:with-param name="m" select="."/>
              </xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:when test="$a/state = 'completed'">
        <p class="notice">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'prereview.case.next.completed'"/>
            <xsl:with-param name="s" select="string($a/licence)"/>
            <xsl:with-param name="n" select="string($a/pickup_window)"/>
          </xsl:call-template>
        </p>
      </xsl:when>
      <xsl:when test="$a/state = 'rejected'">
        <xsl:call-template name="pra-p">
          <xsl:with-param name="key" select="'prereview.case.next.rejected'"/>
        </xsl:call-template>
        <xsl:if test="normalize-space($a/reject_reason) != ''">
          <div class="notice text-body"><xsl:value-of select="$a/reject_reason"/></div>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pra-p">
          <xsl:with-param name="key" select="'prereview.case.next.review'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- New files for the materials marked for correction, and only those. -->
  <xsl:template name="pra-correct-form">
    <xsl:variable name="a" select="application"/>
    <xsl:if test="materials/material[@marked = '1']">
      <xsl:call-template name="pra-error-summary"/>
      <form class="form" method="post" action="{$pr-mount}case/{$a/serial}/correct"
          enctype="multipart/form-data" accept-charset="UTF-8" novalidate="novalidate">
        <xsl:call-template name="form-hidden"/>
        <xsl:for-each select="materials/material[@marked = '1']">
          <xsl:call-template name="pra-slot">
            <xsl:with-param name="seq" select="string(@seq)"/>
            <xsl:with-param name="m" select="."/>
            <xsl:with-param name="required" select="'yes'"/>
            <xsl:with-param name="cond" select="''"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'prereview.case.resubmit'"/>
        </xsl:call-template>
      </form>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
