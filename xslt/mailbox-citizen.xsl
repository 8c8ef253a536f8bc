<?xml version="1.0" encoding="UTF-8"?>
<!--
  mailbox-citizen.xsl: included by mailbox.xsl.  The writer's pages
  (modules/mailbox/citizen.c), public and without an account.  Views:

    write           GET /write, and POST /write refused (422) or "edit again"
                    /page/types/type (codes), /page/categories/category
                    (id, name), /page/departments/department (id, name),
                    /page/form-time (issued, sig: the signed time the form was
                    shown), /page/values and /page/errors
    write-preview   POST /write (200): the preview and the final form, from
                    /page/values (type category department subject body name
                    mobile email agree website issued sig) and the lists above;
                    GET|POST /write/send refused (422): the same with
                    /page/errors, /page/messages and a new /page/form-time
    sent            GET /sent/{no}: /page/receipt (no, and code only when shown
                    this once)
    track           GET /track (?no= fills the number, ?done=followup
                    gives a message), POST /track refused (422,
                    message mailbox.track.failed, for an unknown number and a
                    wrong code alike)
    track-letter    POST /track (200): /page/letter (no type state category
                    subject body created reply replied reply_department
                    followup followup_at followup_reply followup_reply_at
                    reject_reason reject_note merged_into answered 1|0),
                    /page/attachments/attachment (name, size),
                    /page/history/event (at, kind, department, note),
                    /page/evaluation (rating.xsl: the link to rate the
                    replied letter at civic-evaluate.fcgi, or its rating),
                    /page/access (no, code: carried in hidden fields, never in
                    a URL)
    track-followup  POST /track/followup refused (422): /page/values (no code
                    question), /page/errors or a message

  The writer's name, mobile and e-mail appear only in the form and, as
  hidden fields, in the final form of the preview: never as page text.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="exsl">

  <!-- ===== shared pieces ===== -->

  <xsl:template name="mbc-heading">
    <h1>
      <xsl:apply-templates select="/page" mode="title"/>
    </h1>
  </xsl:template>

  <xsl:template name="mbc-p">
    <xsl:param name="key"/>
    <xsl:param name="class"/>
    <p>
      <xsl:if test="$class != ''">
        <xsl:attribute name="class">
          <xsl:value-of select="$class"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
    </p>
  </xsl:template>

  <!-- A value sent back in the page. -->
  <xsl:template name="mbc-value">
    <xsl:param name="name"/>
    <xsl:value-of select="/page/values/value[@name = $name][1]"/>
  </xsl:template>

  <!-- <dt>label</dt><dd>content</dd> inside a meta-list. -->
  <xsl:template name="mbc-meta">
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

  <!--
    The honeypot: a text input people never see nor reach (visually hidden,
    out of the tab order, not autofilled), which bots fill in.
  -->
  <xsl:template name="mbc-honeypot">
    <div class="visually-hidden" aria-hidden="true">
      <label for="f-website">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'mailbox.write.honeypot-label'"/>
        </xsl:call-template>
      </label>
      <input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off">
        <xsl:attribute name="value">
          <xsl:call-template name="mbc-value">
            <xsl:with-param name="name" select="'website'"/>
          </xsl:call-template>
        </xsl:attribute>
      </input>
    </div>
  </xsl:template>

  <!-- The signed form time: the one just issued, else the one carried on. -->
  <xsl:template name="mbc-form-time">
    <xsl:choose>
      <xsl:when test="/page/form-time">
        <input type="hidden" name="issued" value="{/page/form-time/@issued}"/>
        <input type="hidden" name="sig" value="{/page/form-time/@sig}"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'issued'"/>
          <xsl:with-param name="type" select="'hidden'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'sig'"/>
          <xsl:with-param name="type" select="'hidden'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The word of a letter type code. -->
  <xsl:template name="mbc-type">
    <xsl:param name="code"/>
    <xsl:call-template name="mailbox-code">
      <xsl:with-param name="prefix" select="'mailbox.type.'"/>
      <xsl:with-param name="code" select="$code"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="mbc-time">
    <xsl:param name="t"/>
    <time datetime="{$t}">
      <xsl:value-of select="substring($t, 1, 16)"/>
    </time>
  </xsl:template>

  <!-- The choice lists as options for the "field" template. -->
  <xsl:variable name="mbc-type-options">
    <xsl:for-each select="/page/types/type">
      <o value="{.}">
        <xsl:call-template name="mbc-type">
          <xsl:with-param name="code" select="string(.)"/>
        </xsl:call-template>
      </o>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="mbc-category-options">
    <xsl:for-each select="/page/categories/category">
      <o value="{@id}"><xsl:value-of select="@name"/></o>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="mbc-department-options">
    <xsl:for-each select="/page/departments/department">
      <o value="{@id}"><xsl:value-of select="@name"/></o>
    </xsl:for-each>
  </xsl:variable>

  <!--
    One of the letter's fields, as the form shows it: the form calls it for
    each; the final form of the preview calls it with hidden 'auto', which
    hides the field unless it has an error (a send refused for a field's
    sake shows that field, with its message, to be corrected in place).
  -->
  <xsl:template name="mbc-letter-field">
    <xsl:param name="name"/>
    <xsl:param name="hidden" select="'no'"/>
    <xsl:choose>
      <xsl:when test="$hidden = 'auto' and not(/page/errors/error[@field = $name])">
        <xsl:if test="/page/values/value[@name = $name]">
          <input type="hidden" name="{$name}" value="{/page/values/value[@name = $name][1]}"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$name = 'type'">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'type'"/>
          <xsl:with-param name="label" select="'mailbox.write.f.type'"/>
          <xsl:with-param name="type" select="'select'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="options" select="exsl:node-set($mbc-type-options)/o"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$name = 'category'">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'category'"/>
          <xsl:with-param name="label" select="'mailbox.write.f.category'"/>
          <xsl:with-param name="type" select="'select'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="options" select="exsl:node-set($mbc-category-options)/o"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$name = 'department'">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'department'"/>
          <xsl:with-param name="label" select="'mailbox.write.f.department'"/>
          <xsl:with-param name="type" select="'select'"/>
          <xsl:with-param name="hint" select="'mailbox.write.h.department'"/>
          <xsl:with-param name="options" select="exsl:node-set($mbc-department-options)/o"/>
          <xsl:with-param name="empty-label" select="'mailbox.write.department-none'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$name = 'subject'">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'subject'"/>
          <xsl:with-param name="label" select="'mailbox.write.f.subject'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="hint" select="'mailbox.write.h.subject'"/>
          <xsl:with-param name="maxlength" select="'40'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$name = 'body'">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'body'"/>
          <xsl:with-param name="label" select="'mailbox.write.f.body'"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="hint" select="'mailbox.write.h.body'"/>
          <xsl:with-param name="maxlength" select="'3000'"/>
          <xsl:with-param name="rows" select="'12'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$name = 'name'">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="label" select="'mailbox.write.f.name'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="maxlength" select="'20'"/>
          <xsl:with-param name="autocomplete" select="'name'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$name = 'mobile'">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'mobile'"/>
          <xsl:with-param name="label" select="'mailbox.write.f.mobile'"/>
          <xsl:with-param name="type" select="'tel'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="hint" select="'mailbox.write.h.mobile'"/>
          <xsl:with-param name="maxlength" select="'11'"/>
          <xsl:with-param name="autocomplete" select="'tel'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$name = 'email'">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'email'"/>
          <xsl:with-param name="label" select="'mailbox.write.f.email'"/>
          <xsl:with-param name="type" select="'email'"/>
          <xsl:with-param name="hint" select="'mailbox.write.h.email'"/>
          <xsl:with-param name="maxlength" select="'254'"/>
          <xsl:with-param name="autocomplete" select="'email'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$name = 'agree'">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'agree'"/>
          <xsl:with-param name="label" select="'mailbox.write.f.agree'"/>
          <xsl:with-param name="type" select="'checkbox'"/>
          <xsl:with-param name="hint" select="'mailbox.write.h.agree'"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ===== write ===== -->

  <xsl:template match="page[@view = 'write']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'mailbox.write.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'write']" mode="content">
    <xsl:call-template name="mbc-heading"/>
    <xsl:call-template name="mbc-p">
      <xsl:with-param name="key" select="'mailbox.write.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'mailbox.write.f.'"/>
    </xsl:call-template>
    <!-- novalidate: the server's messages, tied to their fields, say more. -->
    <form class="form" method="post" action="{$site/@mount}write" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="form-csrf"/>
      <xsl:call-template name="mbc-form-time"/>
      <xsl:call-template name="mbc-letter-field">
        <xsl:with-param name="name" select="'type'"/>
      </xsl:call-template>
      <xsl:call-template name="mbc-letter-field">
        <xsl:with-param name="name" select="'category'"/>
      </xsl:call-template>
      <xsl:call-template name="mbc-letter-field">
        <xsl:with-param name="name" select="'department'"/>
      </xsl:call-template>
      <xsl:call-template name="mbc-letter-field">
        <xsl:with-param name="name" select="'subject'"/>
      </xsl:call-template>
      <xsl:call-template name="mbc-letter-field">
        <xsl:with-param name="name" select="'body'"/>
      </xsl:call-template>
      <fieldset>
        <legend>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'mailbox.write.contact'"/>
          </xsl:call-template>
        </legend>
        <xsl:call-template name="mbc-p">
          <xsl:with-param name="key" select="'mailbox.write.privacy'"/>
          <xsl:with-param name="class" select="'notice'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-letter-field">
          <xsl:with-param name="name" select="'name'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-letter-field">
          <xsl:with-param name="name" select="'mobile'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-letter-field">
          <xsl:with-param name="name" select="'email'"/>
        </xsl:call-template>
      </fieldset>
      <xsl:call-template name="mbc-letter-field">
        <xsl:with-param name="name" select="'agree'"/>
      </xsl:call-template>
      <xsl:call-template name="mbc-honeypot"/>
      <xsl:call-template name="mbc-p">
        <xsl:with-param name="key" select="'mailbox.write.files-later'"/>
        <xsl:with-param name="class" select="'hint'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'mailbox.write.preview'"/>
      </xsl:call-template>
    </form>
    <p class="back-link">
      <a href="{$site/@mount}track">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'mailbox.track.title'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- ===== write-preview ===== -->

  <xsl:template match="page[@view = 'write-preview']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'mailbox.preview.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'write-preview']" mode="content">
    <xsl:variable name="v" select="/page/values/value"/>
    <xsl:call-template name="mbc-heading"/>
    <xsl:choose>
      <xsl:when test="not($v[@name = 'subject' or @name = 'body'])">
        <!-- Opened directly: there is nothing to preview. -->
        <xsl:call-template name="mbc-p">
          <xsl:with-param name="key" select="'mailbox.preview.nothing'"/>
        </xsl:call-template>
        <p>
          <a class="button" href="{$site/@mount}write">
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'mailbox.write.title'"/>
            </xsl:call-template>
          </a>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="mbc-preview"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="mbc-preview">
    <xsl:variable name="v" select="/page/values/value"/>
    <xsl:variable name="category" select="string($v[@name = 'category'][1])"/>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'mailbox.write.f.'"/>
    </xsl:call-template>

    <section aria-labelledby="preview-public">
      <h2 id="preview-public">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'mailbox.preview.public'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="$v[@name = 'agree'] = '1'">
          <xsl:call-template name="mbc-p">
            <xsl:with-param name="key" select="'mailbox.preview.agreed'"/>
            <xsl:with-param name="class" select="'notice'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="mbc-p">
            <xsl:with-param name="key" select="'mailbox.preview.not-agreed'"/>
            <xsl:with-param name="class" select="'notice'"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <article class="attachment">
        <h3>
          <xsl:value-of select="$v[@name = 'subject'][1]"/>
        </h3>
        <dl class="meta-list">
          <xsl:call-template name="mbc-meta">
            <xsl:with-param name="key" select="'mailbox.write.f.type'"/>
            <xsl:with-param name="value">
              <xsl:call-template name="mbc-type">
                <xsl:with-param name="code" select="string($v[@name = 'type'][1])"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="mbc-meta">
            <xsl:with-param name="key" select="'mailbox.write.f.category'"/>
            <xsl:with-param name="value"
                select="string(/page/categories/category[@id = $category]/@name)"/>
          </xsl:call-template>
        </dl>
        <div class="text-body">
          <xsl:value-of select="$v[@name = 'body'][1]"/>
        </div>
      </article>
      <xsl:call-template name="mbc-p">
        <xsl:with-param name="key" select="'mailbox.preview.masking'"/>
        <xsl:with-param name="class" select="'notice'"/>
      </xsl:call-template>
      <xsl:call-template name="mbc-p">
        <xsl:with-param name="key" select="'mailbox.preview.never'"/>
      </xsl:call-template>
    </section>

    <section aria-labelledby="preview-send">
      <h2 id="preview-send">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'mailbox.preview.send-heading'"/>
        </xsl:call-template>
      </h2>
      <form class="form" method="post" action="{$site/@mount}write/send"
          enctype="multipart/form-data" accept-charset="UTF-8" novalidate="novalidate">
        <xsl:call-template name="form-hidden"/>
        <xsl:call-template name="mbc-form-time"/>
        <xsl:call-template name="mbc-letter-field">
          <xsl:with-param name="name" select="'type'"/>
          <xsl:with-param name="hidden" select="'auto'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-letter-field">
          <xsl:with-param name="name" select="'category'"/>
          <xsl:with-param name="hidden" select="'auto'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-letter-field">
          <xsl:with-param name="name" select="'department'"/>
          <xsl:with-param name="hidden" select="'auto'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-letter-field">
          <xsl:with-param name="name" select="'subject'"/>
          <xsl:with-param name="hidden" select="'auto'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-letter-field">
          <xsl:with-param name="name" select="'body'"/>
          <xsl:with-param name="hidden" select="'auto'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-letter-field">
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="hidden" select="'auto'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-letter-field">
          <xsl:with-param name="name" select="'mobile'"/>
          <xsl:with-param name="hidden" select="'auto'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-letter-field">
          <xsl:with-param name="name" select="'email'"/>
          <xsl:with-param name="hidden" select="'auto'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-letter-field">
          <xsl:with-param name="name" select="'agree'"/>
          <xsl:with-param name="hidden" select="'auto'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-honeypot"/>
        <xsl:call-template name="mbc-p">
          <xsl:with-param name="key" select="'mailbox.preview.files'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-file">
          <xsl:with-param name="n" select="'1'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-file">
          <xsl:with-param name="n" select="'2'"/>
        </xsl:call-template>
        <xsl:call-template name="mbc-file">
          <xsl:with-param name="n" select="'3'"/>
        </xsl:call-template>
        <div class="actions">
          <button type="submit" class="button">
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'mailbox.preview.send'"/>
            </xsl:call-template>
          </button>
          <xsl:text> </xsl:text>
          <!--
            Back to the form with everything kept: the same fields, posted
            to the form's own address (no files, which a browser would
            not send back anyway).
          -->
          <button type="submit" class="link-button" name="edit" value="1"
              formaction="{$site/@mount}write" formenctype="application/x-www-form-urlencoded"
              formnovalidate="formnovalidate">
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'mailbox.preview.edit'"/>
            </xsl:call-template>
          </button>
        </div>
      </form>
    </section>
  </xsl:template>

  <xsl:template name="mbc-file">
    <xsl:param name="n"/>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="concat('attachment', $n)"/>
      <xsl:with-param name="label" select="concat('mailbox.write.f.attachment', $n)"/>
      <xsl:with-param name="type" select="'file'"/>
      <xsl:with-param name="hint" select="'mailbox.write.h.attachment'"/>
      <xsl:with-param name="accept"
          select="'.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== sent ===== -->

  <xsl:template match="page[@view = 'sent']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'mailbox.sent.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'sent']" mode="content">
    <xsl:variable name="rc" select="receipt"/>
    <xsl:call-template name="mbc-heading"/>
    <xsl:call-template name="mbc-p">
      <xsl:with-param name="key" select="'mailbox.sent.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <dl class="meta-list">
      <xsl:call-template name="mbc-meta">
        <xsl:with-param name="key" select="'mailbox.track.f.no'"/>
        <xsl:with-param name="value">
          <strong><xsl:value-of select="$rc/@no"/></strong>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="$rc/@code">
        <xsl:call-template name="mbc-meta">
          <xsl:with-param name="key" select="'mailbox.track.f.code'"/>
          <xsl:with-param name="value">
            <strong><xsl:value-of select="$rc/@code"/></strong>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </dl>
    <xsl:choose>
      <xsl:when test="$rc/@code">
        <xsl:call-template name="mbc-p">
          <xsl:with-param name="key" select="'mailbox.sent.write-down'"/>
          <xsl:with-param name="class" select="'notice'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="mbc-p">
          <xsl:with-param name="key" select="'mailbox.sent.shown-once'"/>
          <xsl:with-param name="class" select="'notice'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <p>
      <a class="button" href="{$site/@mount}track?no={$rc/@no}">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'mailbox.track.title'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- ===== track ===== -->

  <xsl:template match="page[@view = 'track']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'mailbox.track.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'track']" mode="content">
    <xsl:call-template name="mbc-heading"/>
    <xsl:call-template name="mbc-p">
      <xsl:with-param name="key" select="'mailbox.track.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'mailbox.track.f.'"/>
    </xsl:call-template>
    <form class="form" method="post" action="{$site/@mount}track" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="form-csrf"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'no'"/>
        <xsl:with-param name="label" select="'mailbox.track.f.no'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'mailbox.track.h.no'"/>
        <xsl:with-param name="maxlength" select="'17'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'code'"/>
        <xsl:with-param name="label" select="'mailbox.track.f.code'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'mailbox.track.h.code'"/>
        <xsl:with-param name="maxlength" select="'32'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'mailbox.track.submit'"/>
      </xsl:call-template>
    </form>
    <p class="back-link">
      <a href="{$site/@mount}write">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'mailbox.write.title'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- ===== track-letter ===== -->

  <xsl:template match="page[@view = 'track-letter']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'mailbox.track.letter-title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'track-letter']" mode="content">
    <xsl:variable name="l" select="letter"/>
    <xsl:call-template name="mbc-heading"/>
    <dl class="meta-list">
      <xsl:call-template name="mbc-meta">
        <xsl:with-param name="key" select="'mailbox.track.f.no'"/>
        <xsl:with-param name="value" select="string($l/no)"/>
      </xsl:call-template>
      <xsl:call-template name="mbc-meta">
        <xsl:with-param name="key" select="'mailbox.track.state'"/>
        <xsl:with-param name="value">
          <strong>
            <xsl:call-template name="mailbox-code">
              <xsl:with-param name="prefix" select="'mailbox.state.'"/>
              <xsl:with-param name="code" select="string($l/state)"/>
            </xsl:call-template>
          </strong>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="mbc-meta">
        <xsl:with-param name="key" select="'mailbox.write.f.type'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="mbc-type">
            <xsl:with-param name="code" select="string($l/type)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="mbc-meta">
        <xsl:with-param name="key" select="'mailbox.write.f.category'"/>
        <xsl:with-param name="value" select="string($l/category)"/>
      </xsl:call-template>
      <xsl:call-template name="mbc-meta">
        <xsl:with-param name="key" select="'mailbox.track.created'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="mbc-time">
            <xsl:with-param name="t" select="string($l/created)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </dl>
    <h2>
      <xsl:value-of select="$l/subject"/>
    </h2>
    <div class="text-body">
      <xsl:value-of select="$l/body"/>
    </div>
    <xsl:if test="attachments/attachment">
      <h3>
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'mailbox.track.attachments'"/>
        </xsl:call-template>
      </h3>
      <ul>
        <xsl:for-each select="attachments/attachment">
          <li>
            <xsl:value-of select="name"/>
            <xsl:text> (</xsl:text>
            <xsl:call-template name="human-size">
              <xsl:with-param name="bytes" select="size"/>
            </xsl:call-template>
            <xsl:text>)</xsl:text>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>

    <xsl:if test="$l/state = 'rejected'">
      <div class="notice">
        <p>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'mailbox.track.rejected'"/>
          </xsl:call-template>
          <xsl:value-of select="$l/reject_reason"/>
        </p>
        <xsl:if test="$l/reject_note">
          <p class="text-body"><xsl:value-of select="$l/reject_note"/></p>
        </xsl:if>
      </div>
    </xsl:if>
    <xsl:if test="$l/state = 'merged' and $l/merged_into">
      <p class="notice">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'mailbox.track.merged'"/>
          <xsl:with-param name="s" select="string($l/merged_into)"/>
        </xsl:call-template>
      </p>
    </xsl:if>

    <section aria-labelledby="track-history">
      <h2 id="track-history">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'mailbox.track.history'"/>
        </xsl:call-template>
      </h2>
      <ol class="item-list">
        <xsl:for-each select="history/event">
          <li>
            <p class="meta">
              <xsl:call-template name="mbc-time">
                <xsl:with-param name="t" select="string(at)"/>
              </xsl:call-template>
            </p>
            <p>
              <xsl:call-template name="mailbox-code">
                <xsl:with-param name="prefix" select="'mailbox.event.'"/>
                <xsl:with-param name="code" select="string(kind)"/>
              </xsl:call-template>
              <xsl:if test="department">
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'form.colon'"/>
                </xsl:call-template>
                <xsl:value-of select="department"/>
              </xsl:if>
            </p>
            <xsl:if test="note">
              <p class="text-body"><xsl:value-of select="note"/></p>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
    </section>

    <xsl:if test="$l/reply">
      <section aria-labelledby="track-reply">
        <h2 id="track-reply">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'mailbox.track.reply'"/>
          </xsl:call-template>
        </h2>
        <p class="meta">
          <xsl:if test="$l/reply_department">
            <xsl:value-of select="$l/reply_department"/>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:call-template name="mbc-time">
            <xsl:with-param name="t" select="string($l/replied)"/>
          </xsl:call-template>
        </p>
        <div class="text-body">
          <xsl:value-of select="$l/reply"/>
        </div>
      </section>
    </xsl:if>

    <xsl:apply-templates select="/page/evaluation[rating or @href]"/>

    <xsl:if test="$l/answered = '1'">
      <section aria-labelledby="track-followup">
        <h2 id="track-followup">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'mailbox.followup.title'"/>
          </xsl:call-template>
        </h2>
        <xsl:choose>
          <xsl:when test="$l/followup">
            <p class="meta">
              <xsl:call-template name="mbc-time">
                <xsl:with-param name="t" select="string($l/followup_at)"/>
              </xsl:call-template>
            </p>
            <div class="text-body"><xsl:value-of select="$l/followup"/></div>
            <xsl:choose>
              <xsl:when test="$l/followup_reply">
                <h3>
                  <xsl:call-template name="t">
                    <xsl:with-param name="key" select="'mailbox.followup.answer'"/>
                  </xsl:call-template>
                </h3>
                <p class="meta">
                  <xsl:call-template name="mbc-time">
                    <xsl:with-param name="t" select="string($l/followup_reply_at)"/>
                  </xsl:call-template>
                </p>
                <div class="text-body"><xsl:value-of select="$l/followup_reply"/></div>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="mbc-p">
                  <xsl:with-param name="key" select="'mailbox.followup.waiting'"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="mbc-followup-form"/>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The number and code, in hidden fields: from the lookup, or sent back. -->
  <xsl:template name="mbc-access">
    <xsl:choose>
      <xsl:when test="/page/access">
        <input type="hidden" name="no" value="{/page/access/@no}"/>
        <input type="hidden" name="code" value="{/page/access/@code}"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'no'"/>
          <xsl:with-param name="type" select="'hidden'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'code'"/>
          <xsl:with-param name="type" select="'hidden'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="mbc-followup-form">
    <form class="form" method="post" action="{$site/@mount}track/followup"
        accept-charset="UTF-8" novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <xsl:call-template name="mbc-access"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'question'"/>
        <xsl:with-param name="label" select="'mailbox.followup.f.question'"/>
        <xsl:with-param name="type" select="'textarea'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'mailbox.followup.h.question'"/>
        <xsl:with-param name="maxlength" select="'1000'"/>
        <xsl:with-param name="rows" select="'5'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'mailbox.followup.submit'"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- ===== track-followup: a refused question ===== -->

  <xsl:template match="page[@view = 'track-followup']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'mailbox.followup.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'track-followup']" mode="content">
    <xsl:variable name="no" select="string(/page/values/value[@name = 'no'][1])"/>
    <xsl:call-template name="mbc-heading"/>
    <xsl:if test="/page/errors/error">
      <xsl:call-template name="error-summary">
        <xsl:with-param name="label-prefix" select="'mailbox.track.f.'"/>
      </xsl:call-template>
      <xsl:call-template name="mbc-followup-form"/>
    </xsl:if>
    <p class="back-link">
      <a href="{$site/@mount}track">
        <xsl:if test="$no != ''">
          <xsl:attribute name="href">
            <xsl:value-of select="concat($site/@mount, 'track?no=', $no)"/>
          </xsl:attribute>
        </xsl:if>
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'mailbox.track.again'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

</xsl:stylesheet>
