<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: the pieces every feature's stylesheet shares.

    - "t": the message lookup (i18n/zh-CN.xml, i18n/en.xml);
    - the title mechanism: a view gives its title with a template
      match="page[@view='...']" mode="title"; layout.xsl puts it in <title>
      and the view usually repeats it in its <h1>; in the same way, mode
      "head" adds to <head> (a view's script file, a feed link);
    - the messages block (/page/messages/message);
    - form fields ("field"), the hidden CSRF and idempotency inputs
      ("form-hidden") and the error summary ("error-summary");
    - the keyset pager ("pager");
    - the error page (view "error");
    - the layout's working parts: "nav-item", the staff bar (mode
      "staff-bar") and "lang-switch", which every layout places.

  Everything here is text through the XSLT serialiser: citizen text is
  escaped, and nothing here ever turns output escaping off.  Feature stylesheets
  include this file and layout.xsl; only layout.xsl is meant to be edited by
  a webmaster.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="exsl str">

  <!--
    The catalogues are stylesheet modules, not documents: the transform runs
    under security preferences that forbid reading files, so document()
    could not load them, whereas xsl:include is resolved when the
    stylesheet is compiled.
  -->
  <xsl:include href="i18n/zh-CN.xml"/>
  <xsl:include href="i18n/en.xml"/>
  <!--
    A feature's own messages are a module of their own, with one variable
    per language (i18n-zh-CN-NAME, i18n-en-NAME), joined below.
  -->
  <xsl:include href="i18n/mailbox.xml"/>
  <xsl:include href="i18n/mailbox-public.xml"/>
  <xsl:include href="i18n/mailbox-citizen.xml"/>
  <xsl:include href="i18n/mailbox-office.xml"/>
  <xsl:include href="i18n/mailbox-supervise.xml"/>
  <xsl:include href="i18n/consult.xml"/>
  <xsl:include href="i18n/consult-citizen.xml"/>
  <xsl:include href="i18n/consult-staff.xml"/>
  <xsl:include href="i18n/evaluate.xml"/>
  <xsl:include href="i18n/evaluate-case.xml"/>
  <xsl:include href="i18n/evaluate-campaign.xml"/>
  <xsl:include href="i18n/evaluate-rectify.xml"/>
  <xsl:include href="i18n/evaluate-results.xml"/>
  <xsl:include href="i18n/prereview.xml"/>
  <xsl:include href="i18n/prereview-guide.xml"/>
  <xsl:include href="i18n/prereview-items.xml"/>
  <xsl:include href="i18n/prereview-apply.xml"/>
  <xsl:include href="i18n/prereview-review.xml"/>
  <xsl:include href="i18n/catalogue.xml"/>
  <xsl:include href="i18n/catalogue-browse.xml"/>
  <xsl:include href="i18n/catalogue-entry.xml"/>
  <xsl:include href="i18n/catalogue-edit.xml"/>
  <xsl:include href="i18n/catalogue-admin.xml"/>

  <!-- The page's language: "en", or the default "zh-CN" for anything else. -->
  <xsl:variable name="lang">
    <xsl:choose>
      <xsl:when test="/page/@lang = 'en'">en</xsl:when>
      <xsl:otherwise>zh-CN</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!--
    The catalogues, one document each (a module's variable is a document of
    its own), of the default language (zh-CN) and of the page's.  "t" looks
    a key up with key(), which searches the document of the context node,
    so it visits each document with xsl:for-each.  It scanned the messages
    with $i18n-m[@k = $key] before, and building that union of ~2000 nodes
    and scanning it took most of a page's transform (doc/evidence.md).  A
    key is in one module only (test_render checks it): one document at
    most answers.
  -->
  <xsl:key name="i18n" match="m" use="@k"/>
  <xsl:variable name="i18n-zh-docs" select="exsl:node-set($i18n-zh-CN) | exsl:node-set($i18n-zh-CN-mailbox) |
      exsl:node-set($i18n-zh-CN-mailbox-public) | exsl:node-set($i18n-zh-CN-mailbox-citizen) |
      exsl:node-set($i18n-zh-CN-mailbox-office) | exsl:node-set($i18n-zh-CN-mailbox-supervise) |
      exsl:node-set($i18n-zh-CN-consult) | exsl:node-set($i18n-zh-CN-consult-citizen) |
      exsl:node-set($i18n-zh-CN-consult-staff) | exsl:node-set($i18n-zh-CN-evaluate) |
      exsl:node-set($i18n-zh-CN-evaluate-case) | exsl:node-set($i18n-zh-CN-evaluate-campaign) |
      exsl:node-set($i18n-zh-CN-evaluate-rectify) |
      exsl:node-set($i18n-zh-CN-evaluate-results) | exsl:node-set($i18n-zh-CN-prereview) |
      exsl:node-set($i18n-zh-CN-prereview-guide) | exsl:node-set($i18n-zh-CN-prereview-items) |
      exsl:node-set($i18n-zh-CN-prereview-apply) | exsl:node-set($i18n-zh-CN-prereview-review) |
      exsl:node-set($i18n-zh-CN-catalogue) | exsl:node-set($i18n-zh-CN-catalogue-browse) |
      exsl:node-set($i18n-zh-CN-catalogue-entry) | exsl:node-set($i18n-zh-CN-catalogue-edit) |
      exsl:node-set($i18n-zh-CN-catalogue-admin)"/>
  <xsl:variable name="i18n-en-docs" select="exsl:node-set($i18n-en) | exsl:node-set($i18n-en-mailbox) |
      exsl:node-set($i18n-en-mailbox-public) | exsl:node-set($i18n-en-mailbox-citizen) |
      exsl:node-set($i18n-en-mailbox-office) | exsl:node-set($i18n-en-mailbox-supervise) |
      exsl:node-set($i18n-en-consult) | exsl:node-set($i18n-en-consult-citizen) |
      exsl:node-set($i18n-en-consult-staff) | exsl:node-set($i18n-en-evaluate) |
      exsl:node-set($i18n-en-evaluate-case) | exsl:node-set($i18n-en-evaluate-campaign) |
      exsl:node-set($i18n-en-evaluate-rectify) | exsl:node-set($i18n-en-evaluate-results) |
      exsl:node-set($i18n-en-prereview) | exsl:node-set($i18n-en-prereview-guide) |
      exsl:node-set($i18n-en-prereview-items) | exsl:node-set($i18n-en-prereview-apply) |
      exsl:node-set($i18n-en-prereview-review) | exsl:node-set($i18n-en-catalogue) |
      exsl:node-set($i18n-en-catalogue-browse) | exsl:node-set($i18n-en-catalogue-entry) |
      exsl:node-set($i18n-en-catalogue-edit) | exsl:node-set($i18n-en-catalogue-admin)"/>
  <xsl:variable name="i18n-docs"
      select="$i18n-en-docs[string($lang) = 'en'] | $i18n-zh-docs[string($lang) != 'en']"/>
  <!-- Every zh-CN message (a view lists the choices of a prefix from it). -->
  <xsl:variable name="i18n-zh-m" select="$i18n-zh-docs/m"/>

  <xsl:variable name="site" select="/page/site"/>

  <!--
    t: the text of message key in the page's language, else in zh-CN, else
    the key itself (so that a missing message shows, and can be found).
    {min}, {max}, {n} and {s} in the text are replaced by the parameters.
  -->
  <xsl:template name="t">
    <xsl:param name="key"/>
    <xsl:param name="min"/>
    <xsl:param name="max"/>
    <xsl:param name="n"/>
    <xsl:param name="s"/>
    <!-- "+" and the message when found (a message may be empty). -->
    <xsl:variable name="hit">
      <xsl:for-each select="$i18n-docs">
        <xsl:for-each select="key('i18n', $key)[1]">+<xsl:value-of select="."/></xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="zh-hit">
      <xsl:if test="not(starts-with($hit, '+')) and string($lang) = 'en'">
        <xsl:for-each select="$i18n-zh-docs">
          <xsl:for-each select="key('i18n', $key)[1]">+<xsl:value-of select="."/></xsl:for-each>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="starts-with($hit, '+')">
          <xsl:value-of select="substring($hit, 2)"/>
        </xsl:when>
        <xsl:when test="starts-with($zh-hit, '+')">
          <xsl:value-of select="substring($zh-hit, 2)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$key"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="s1">
      <xsl:call-template name="replace">
        <xsl:with-param name="s" select="string($text)"/>
        <xsl:with-param name="from" select="'{min}'"/>
        <xsl:with-param name="to" select="$min"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="s2">
      <xsl:call-template name="replace">
        <xsl:with-param name="s" select="string($s1)"/>
        <xsl:with-param name="from" select="'{max}'"/>
        <xsl:with-param name="to" select="$max"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="s3">
      <xsl:call-template name="replace">
        <xsl:with-param name="s" select="string($s2)"/>
        <xsl:with-param name="from" select="'{n}'"/>
        <xsl:with-param name="to" select="$n"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="replace">
      <xsl:with-param name="s" select="string($s3)"/>
      <xsl:with-param name="from" select="'{s}'"/>
      <xsl:with-param name="to" select="$s"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Every occurrence of from in s replaced by to. -->
  <xsl:template name="replace">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($s, $from)">
        <xsl:value-of select="substring-before($s, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="s" select="substring-after($s, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A size in bytes as people read it: 830 字节, 12.5 KB, 5 MB. -->
  <xsl:template name="human-size">
    <xsl:param name="bytes"/>
    <xsl:choose>
      <xsl:when test="not(number($bytes) = number($bytes))">
        <xsl:value-of select="$bytes"/>
      </xsl:when>
      <xsl:when test="$bytes &lt; 1024">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'size.bytes'"/>
          <xsl:with-param name="n" select="string(number($bytes))"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$bytes &lt; 1048576">
        <xsl:value-of select="format-number($bytes div 1024, '0.#')"/>
        <xsl:text> KB</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="format-number($bytes div 1048576, '0.#')"/>
        <xsl:text> MB</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       Titles and fallbacks
       ================================================================ -->

  <!-- A view without a title template: the site name alone is the title. -->
  <xsl:template match="page" mode="title" priority="-1"/>

  <!--
    What a view adds to <head> (layout.xsl applies mode "head" there): by
    default nothing.  A feature gives a view its script file or feed link
    with a template match="page[@view = '...']" mode="head"; the file is
    under static/ (script-src 'self': never a script in the page).
  -->
  <xsl:template match="page" mode="head" priority="-1"/>

  <!--
    A view without a content template says so, rather than letting the
    built-in rules copy every text node of the page (tokens included).
  -->
  <xsl:template match="page" mode="content" priority="-1">
    <h1>
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="'err.other.title'"/>
      </xsl:call-template>
    </h1>
  </xsl:template>

  <!-- ================================================================
       Messages: <messages><message level="info|warn|error" key="..."/>
       ================================================================ -->

  <xsl:template name="messages">
    <xsl:for-each select="/page/messages/message[@key != '']">
      <xsl:variable name="level">
        <xsl:choose>
          <xsl:when test="@level = 'error' or @level = 'warn'">
            <xsl:value-of select="@level"/>
          </xsl:when>
          <xsl:otherwise>info</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <div class="msg msg-{$level}">
        <xsl:attribute name="role">
          <xsl:choose>
            <xsl:when test="$level = 'info'">status</xsl:when>
            <xsl:otherwise>alert</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <p>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="@key"/>
            <xsl:with-param name="min" select="@min"/>
            <xsl:with-param name="max" select="@max"/>
            <xsl:with-param name="n" select="@n"/>
          </xsl:call-template>
        </p>
      </div>
    </xsl:for-each>
  </xsl:template>

  <!-- ================================================================
       Forms
       ================================================================ -->

  <!-- The hidden inputs every state-changing form carries. -->
  <xsl:template name="form-hidden">
    <input type="hidden" name="csrf" value="{/page/csrf}"/>
    <input type="hidden" name="idem" value="{/page/idem}"/>
  </xsl:template>

  <!--
    The CSRF input alone, for the POSTs that change no record and so take no
    idempotency key (CIVIC_R_CSRF: signing in and out, one's own password).
  -->
  <xsl:template name="form-csrf">
    <input type="hidden" name="csrf" value="{/page/csrf}"/>
  </xsl:template>

  <!-- The text of a field error, bounds put in (file sizes as people read them). -->
  <xsl:template match="error" mode="text">
    <xsl:choose>
      <xsl:when test="@key = 'v.filesize'">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="@key"/>
          <xsl:with-param name="max">
            <xsl:call-template name="human-size">
              <xsl:with-param name="bytes" select="@max"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="@key"/>
          <xsl:with-param name="min" select="@min"/>
          <xsl:with-param name="max" select="@max"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    error-summary: at the top of a form, when the page has errors, a box
    that lists them with links to the fields.  label-prefix + field name is
    the message key of the field's label (the view's "field" calls use the
    same keys), so that each line says which field is wrong.
  -->
  <xsl:template name="error-summary">
    <xsl:param name="label-prefix"/>
    <xsl:if test="/page/errors/error">
      <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
        <h2 id="error-summary-title">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'form.error-summary'"/>
          </xsl:call-template>
        </h2>
        <ul>
          <xsl:for-each select="/page/errors/error">
            <li>
              <xsl:choose>
                <!-- Hidden inputs have no field to go to. -->
                <xsl:when test="@field = 'csrf' or @field = 'idem' or not(@field)">
                  <xsl:apply-templates select="." mode="text"/>
                </xsl:when>
                <xsl:otherwise>
                  <a href="#f-{@field}">
                    <xsl:if test="$label-prefix != ''">
                      <xsl:call-template name="t">
                        <xsl:with-param name="key" select="concat($label-prefix, @field)"/>
                      </xsl:call-template>
                      <xsl:call-template name="t">
                        <xsl:with-param name="key" select="'form.colon'"/>
                      </xsl:call-template>
                    </xsl:if>
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

  <!--
    field: one labelled form control.

      name       the field's name; its id is "f-" + name
      label      message key of the label
      type       text | textarea | select | date | email | tel | number | file | hidden
                 | password | checkbox
      required   yes | no
      hint       message key of a hint under the label (optional)
      maxlength  (optional)
      options    select: a node-set; each node's text is the label and, unless
                 it has a value attribute, the value too
      empty-label  select: message key of the first, empty option (form.choose)
      autocomplete, accept, rows, inputmode   passed to the control when given

    A password is never written back into the page: its input has no value.
    A checkbox (value checkbox-value, "1" by default) comes before its label
    and is ticked when the value sent back equals it, or when checked is
    "yes" (a default for a form shown for the first time); it is marked
    only when required, since "optional" goes without saying for a box.

    The value the user sent comes back from /page/values/value[@name]; the
    error, from /page/errors/error[@field], is tied to the control by
    aria-describedby and marked with aria-invalid.
  -->
  <xsl:template name="field">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="required" select="'no'"/>
    <!-- With required 'cond': the key of the words saying when it is required. -->
    <xsl:param name="required-key" select="''"/>
    <xsl:param name="hint"/>
    <xsl:param name="maxlength"/>
    <xsl:param name="options" select="/.."/>
    <xsl:param name="autocomplete"/>
    <xsl:param name="accept"/>
    <xsl:param name="rows" select="'8'"/>
    <xsl:param name="inputmode"/>
    <xsl:param name="empty-label" select="'form.choose'"/>
    <xsl:param name="checkbox-value" select="'1'"/>
    <xsl:param name="checked"/>

    <xsl:variable name="id" select="concat('f-', $name)"/>
    <xsl:variable name="value" select="string(/page/values/value[@name = $name][1])"/>
    <xsl:variable name="error" select="/page/errors/error[@field = $name][1]"/>
    <!-- A browser never sends a chosen file twice: after errors, say so. -->
    <xsl:variable name="again" select="$type = 'file' and /page/errors/error"/>
    <xsl:variable name="describedby">
      <xsl:if test="$hint != ''">
        <xsl:value-of select="concat(' ', $id, '-hint')"/>
      </xsl:if>
      <xsl:if test="$error">
        <xsl:value-of select="concat(' ', $id, '-error')"/>
      </xsl:if>
      <xsl:if test="$again">
        <xsl:value-of select="concat(' ', $id, '-again')"/>
      </xsl:if>
    </xsl:variable>

    <xsl:choose>
      <xsl:when test="$type = 'hidden'">
        <input type="hidden" id="{$id}" name="{$name}" value="{$value}"/>
      </xsl:when>
      <xsl:when test="$type = 'checkbox'">
        <div>
          <xsl:attribute name="class">
            <xsl:text>field field-checkbox</xsl:text>
            <xsl:if test="$error"> field-invalid</xsl:if>
          </xsl:attribute>
          <input type="checkbox" id="{$id}" name="{$name}" value="{$checkbox-value}">
            <xsl:if test="$value = string($checkbox-value) or $checked = 'yes'">
              <xsl:attribute name="checked">checked</xsl:attribute>
            </xsl:if>
            <xsl:call-template name="field-attributes">
              <xsl:with-param name="required" select="$required"/>
              <xsl:with-param name="describedby" select="substring($describedby, 2)"/>
              <xsl:with-param name="invalid" select="boolean($error)"/>
            </xsl:call-template>
          </input>
          <label for="{$id}">
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="$label"/>
            </xsl:call-template>
            <xsl:if test="$required = 'yes'">
              <xsl:text> </xsl:text>
              <span class="req">
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'form.required'"/>
                </xsl:call-template>
              </span>
            </xsl:if>
          </label>
          <xsl:if test="$hint != ''">
            <p class="hint" id="{$id}-hint">
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="$hint"/>
              </xsl:call-template>
            </p>
          </xsl:if>
          <xsl:if test="$error">
            <p class="field-error" id="{$id}-error">
              <span class="visually-hidden">
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'form.error-prefix'"/>
                </xsl:call-template>
              </span>
              <xsl:apply-templates select="$error" mode="text"/>
            </p>
          </xsl:if>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <div>
          <xsl:attribute name="class">
            <xsl:text>field field-</xsl:text>
            <xsl:value-of select="$type"/>
            <xsl:if test="$error"> field-invalid</xsl:if>
          </xsl:attribute>
          <label for="{$id}">
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="$label"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:choose>
              <xsl:when test="$required = 'yes'">
                <span class="req">
                  <xsl:call-template name="t">
                    <xsl:with-param name="key" select="'form.required'"/>
                  </xsl:call-template>
                </span>
              </xsl:when>
              <xsl:when test="$required = 'cond'">
                <span class="req">
                  <xsl:call-template name="t">
                    <xsl:with-param name="key" select="$required-key"/>
                  </xsl:call-template>
                </span>
              </xsl:when>
              <xsl:otherwise>
                <span class="opt">
                  <xsl:call-template name="t">
                    <xsl:with-param name="key" select="'form.optional'"/>
                  </xsl:call-template>
                </span>
              </xsl:otherwise>
            </xsl:choose>
          </label>
          <xsl:if test="$hint != ''">
            <p class="hint" id="{$id}-hint">
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="$hint"/>
              </xsl:call-template>
            </p>
          </xsl:if>
          <xsl:if test="$error">
            <p class="field-error" id="{$id}-error">
              <span class="visually-hidden">
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'form.error-prefix'"/>
                </xsl:call-template>
              </span>
              <xsl:apply-templates select="$error" mode="text"/>
            </p>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="$type = 'textarea'">
              <textarea id="{$id}" name="{$name}" rows="{$rows}">
                <xsl:call-template name="field-attributes">
                  <xsl:with-param name="required" select="$required"/>
                  <xsl:with-param name="maxlength" select="$maxlength"/>
                  <xsl:with-param name="autocomplete" select="$autocomplete"/>
                  <xsl:with-param name="describedby" select="substring($describedby, 2)"/>
                  <xsl:with-param name="invalid" select="boolean($error)"/>
                </xsl:call-template>
                <!--
                  HTML drops one newline right after <textarea>: this one,
                  so that a value beginning with a newline keeps it.
                -->
                <xsl:text>&#10;</xsl:text>
                <xsl:value-of select="$value"/>
              </textarea>
            </xsl:when>
            <xsl:when test="$type = 'select'">
              <select id="{$id}" name="{$name}">
                <xsl:call-template name="field-attributes">
                  <xsl:with-param name="required" select="$required"/>
                  <xsl:with-param name="autocomplete" select="$autocomplete"/>
                  <xsl:with-param name="describedby" select="substring($describedby, 2)"/>
                  <xsl:with-param name="invalid" select="boolean($error)"/>
                </xsl:call-template>
                <option value="">
                  <xsl:call-template name="t">
                    <xsl:with-param name="key" select="$empty-label"/>
                  </xsl:call-template>
                </option>
                <xsl:for-each select="$options">
                  <xsl:variable name="v">
                    <xsl:choose>
                      <xsl:when test="@value">
                        <xsl:value-of select="@value"/>
                      </xsl:when>
                      <xsl:otherwise>
                        <xsl:value-of select="."/>
                      </xsl:otherwise>
                    </xsl:choose>
                  </xsl:variable>
                  <option value="{$v}">
                    <xsl:if test="string($v) = $value">
                      <xsl:attribute name="selected">selected</xsl:attribute>
                    </xsl:if>
                    <xsl:value-of select="."/>
                  </option>
                </xsl:for-each>
              </select>
            </xsl:when>
            <xsl:otherwise>
              <input type="{$type}" id="{$id}" name="{$name}">
                <xsl:if test="$type != 'file' and $type != 'password'">
                  <xsl:attribute name="value">
                    <xsl:value-of select="$value"/>
                  </xsl:attribute>
                </xsl:if>
                <xsl:if test="$accept != ''">
                  <xsl:attribute name="accept">
                    <xsl:value-of select="$accept"/>
                  </xsl:attribute>
                </xsl:if>
                <xsl:call-template name="field-attributes">
                  <xsl:with-param name="required" select="$required"/>
                  <xsl:with-param name="maxlength" select="$maxlength"/>
                  <xsl:with-param name="autocomplete" select="$autocomplete"/>
                  <xsl:with-param name="inputmode" select="$inputmode"/>
                  <xsl:with-param name="describedby" select="substring($describedby, 2)"/>
                  <xsl:with-param name="invalid" select="boolean($error)"/>
                </xsl:call-template>
              </input>
              <xsl:if test="$again">
                <p class="hint" id="{$id}-again">
                  <xsl:call-template name="t">
                    <xsl:with-param name="key" select="'form.file-again'"/>
                  </xsl:call-template>
                </p>
              </xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="field-attributes">
    <xsl:param name="required"/>
    <xsl:param name="maxlength"/>
    <xsl:param name="autocomplete"/>
    <xsl:param name="inputmode"/>
    <xsl:param name="describedby"/>
    <xsl:param name="invalid"/>
    <xsl:if test="$required = 'yes'">
      <xsl:attribute name="required">required</xsl:attribute>
    </xsl:if>
    <xsl:if test="$maxlength != ''">
      <xsl:attribute name="maxlength">
        <xsl:value-of select="$maxlength"/>
      </xsl:attribute>
    </xsl:if>
    <xsl:if test="$autocomplete != ''">
      <xsl:attribute name="autocomplete">
        <xsl:value-of select="$autocomplete"/>
      </xsl:attribute>
    </xsl:if>
    <xsl:if test="$inputmode != ''">
      <xsl:attribute name="inputmode">
        <xsl:value-of select="$inputmode"/>
      </xsl:attribute>
    </xsl:if>
    <xsl:if test="$invalid">
      <xsl:attribute name="aria-invalid">true</xsl:attribute>
    </xsl:if>
    <xsl:if test="$describedby != ''">
      <xsl:attribute name="aria-describedby">
        <xsl:value-of select="$describedby"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template name="submit">
    <xsl:param name="label" select="'form.submit'"/>
    <div class="actions">
      <button type="submit" class="button">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="$label"/>
        </xsl:call-template>
      </button>
    </div>
  </xsl:template>

  <!-- ================================================================
       Keyset pager: <pager next="KEY" after="KEY"/>
       ================================================================ -->

  <!--
    query: the page's other query parameters, already percent-encoded
    ("staff_no=1&amp;action=signin"), so that the pages of a filtered list
    stay filtered; empty for a plain list.
  -->
  <xsl:template name="pager">
    <xsl:param name="query"/>
    <xsl:variable name="pager" select="/page/pager"/>
    <xsl:if test="$pager/@next != '' or $pager/@after != ''">
      <nav class="pager">
        <xsl:attribute name="aria-label">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'pager.label'"/>
          </xsl:call-template>
        </xsl:attribute>
        <ul>
          <xsl:if test="$pager/@after != ''">
            <li>
              <a>
                <xsl:attribute name="href">
                  <xsl:value-of select="$site/@path"/>
                  <xsl:if test="$query != ''">
                    <xsl:value-of select="concat('?', $query)"/>
                  </xsl:if>
                </xsl:attribute>
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'pager.first'"/>
                </xsl:call-template>
              </a>
            </li>
          </xsl:if>
          <xsl:if test="$pager/@next != ''">
            <li>
              <a>
                <xsl:attribute name="href">
                  <xsl:text>?</xsl:text>
                  <xsl:if test="$query != ''">
                    <xsl:value-of select="concat($query, '&amp;')"/>
                  </xsl:if>
                  <xsl:value-of select="concat('after=', str:encode-uri($pager/@next, true()))"/>
                </xsl:attribute>
                <xsl:attribute name="rel">next</xsl:attribute>
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'pager.next'"/>
                </xsl:call-template>
              </a>
            </li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================
       Error pages:  <page view="error" status="404"><error-page status="404"
       [incident="..."] [allow="GET, POST"] [retry-after="60"]/></page>
       ================================================================ -->

  <xsl:template name="error-key">
    <xsl:variable name="s" select="string(/page/error-page/@status)"/>
    <xsl:choose>
      <xsl:when test="$s = '400' or $s = '403' or $s = '404' or $s = '405' or $s = '413'
                      or $s = '422' or $s = '429' or $s = '500' or $s = '503'">
        <xsl:value-of select="concat('err.', $s)"/>
      </xsl:when>
      <xsl:when test="starts-with($s, '5')">err.500</xsl:when>
      <xsl:otherwise>err.other</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@view = 'error']" mode="title">
    <xsl:variable name="k">
      <xsl:call-template name="error-key"/>
    </xsl:variable>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="concat($k, '.title')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'error']" mode="content">
    <xsl:variable name="e" select="error-page"/>
    <xsl:variable name="k">
      <xsl:call-template name="error-key"/>
    </xsl:variable>
    <div class="error-page">
      <h1>
        <xsl:apply-templates select="." mode="title"/>
      </h1>
      <p class="lead">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="concat($k, '.text')"/>
        </xsl:call-template>
      </p>
      <xsl:if test="$e/@status = '429' and $e/@retry-after != ''">
        <p>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'err.retry-after'"/>
            <xsl:with-param name="n" select="$e/@retry-after"/>
          </xsl:call-template>
        </p>
      </xsl:if>
      <xsl:if test="starts-with($e/@status, '5') and $e/@incident != ''">
        <p class="incident">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'err.incident'"/>
          </xsl:call-template>
          <strong><xsl:value-of select="$e/@incident"/></strong>
        </p>
        <p>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'err.incident-help'"/>
          </xsl:call-template>
        </p>
      </xsl:if>
      <p class="error-code">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'err.code'"/>
          <xsl:with-param name="n" select="$e/@status"/>
        </xsl:call-template>
      </p>
      <p>
        <a class="button" href="{$site/@base}">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'err.home'"/>
          </xsl:call-template>
        </a>
      </p>
    </div>
  </xsl:template>

  <!--
    The layout's working parts, shared by every layout (xslt/layout.xsl and
    a county's own, such as examples/themes/county-portal/layout.xsl), so
    that a theme arranges them and never copies them: a navigation item,
    the staff bar with its sign-out form, the language switch.
  -->

  <!-- 导航项：当前栏目加 aria-current / a navigation item; the current one is marked -->
  <xsl:template name="nav-item">
    <xsl:param name="key"/>
    <xsl:param name="href"/>
    <xsl:variable name="path" select="string(/page/site/@path)"/>
    <li>
      <a>
        <xsl:attribute name="href">
          <xsl:call-template name="a11y-href">
            <xsl:with-param name="href" select="$href"/>
          </xsl:call-template>
        </xsl:attribute>
        <xsl:if test="$path = $href or ($href != string(/page/site/@base) and starts-with($path, $href))">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </a>
    </li>
  </xsl:template>

  <!--
    工作人员栏：工号、姓名、部门，管理首页，退出。退出是 POST 表单（只带
    csrf），地址固定为 /account/signout：本栏出现在每个程序的页面上。
    The staff bar: who is signed in, the staff home page, and signing out, a
    POST to the account program wherever the page comes from.
  -->
  <xsl:variable name="staff-home">/account/</xsl:variable>

  <xsl:template match="staff" mode="staff-bar">
    <nav class="staff-bar">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'site.staff.label'"/>
        </xsl:call-template>
      </xsl:attribute>
      <div class="wrap staff-bar-inner">
        <p class="staff-who">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'site.staff.no'"/>
            <xsl:with-param name="n" select="string(@no)"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <strong>
            <xsl:value-of select="@name"/>
          </strong>
          <xsl:if test="@department-name != ''">
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'site.staff.department'"/>
              <xsl:with-param name="s" select="string(@department-name)"/>
            </xsl:call-template>
          </xsl:if>
        </p>
        <ul class="staff-links">
          <li>
            <a href="{$staff-home}">
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="'site.staff.home'"/>
              </xsl:call-template>
            </a>
          </li>
          <li>
            <form class="staff-signout" method="post" accept-charset="UTF-8">
              <xsl:attribute name="action">
                <xsl:call-template name="a11y-href">
                  <xsl:with-param name="href" select="concat($staff-home, 'signout')"/>
                </xsl:call-template>
              </xsl:attribute>
              <xsl:call-template name="form-csrf"/>
              <button type="submit" class="link-button">
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'site.staff.signout'"/>
                </xsl:call-template>
              </button>
            </form>
          </li>
        </ul>
      </div>
    </nav>
  </xsl:template>

  <!-- 语言切换：中文页面链接到英文，英文页面链接到中文 / the other language -->
  <xsl:template name="lang-switch">
    <xsl:variable name="other">
      <xsl:choose>
        <xsl:when test="$lang = 'en'">zh-CN</xsl:when>
        <xsl:otherwise>en</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="href">
      <xsl:call-template name="a11y-href">
        <xsl:with-param name="href" select="concat(/page/site/@path, '?lang=', $other)"/>
      </xsl:call-template>
    </xsl:variable>
    <p class="lang-switch">
      <a href="{$href}" lang="{$other}" hreflang="{$other}">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'lang.other'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!--
    显示方式：大字版与高对比度（?a11y=large、contrast 或 large-contrast）。
    The display modes, large text and high contrast, for readers who need
    them (the elderly at a village service point, low vision): chosen by the
    query parameter a11y, which the core checks and passes as
    /page/site/@a11y, never kept in a cookie (a shared PC forgets it when
    the next person starts from the home page) and needing no script.  The
    layout puts $a11y-class on <html> (civic.css's "display modes" section
    does the rest), places the switch ("a11y-switch") and the content
    through "page-content", which carries the mode on the content's own
    links and forms; nav-item, lang-switch and the staff bar carry it too,
    and the core adds it to its redirects.
  -->
  <xsl:variable name="a11y">
    <xsl:choose>
      <xsl:when test="/page/site/@a11y = 'large'">large</xsl:when>
      <xsl:when test="/page/site/@a11y = 'contrast'">contrast</xsl:when>
      <xsl:when test="/page/site/@a11y = 'large-contrast'">large-contrast</xsl:when>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="a11y-large" select="starts-with($a11y, 'large')"/>
  <xsl:variable name="a11y-contrast" select="contains($a11y, 'contrast')"/>
  <!-- The class of <html>, empty in the ordinary look. -->
  <xsl:variable name="a11y-class"
      select="normalize-space(concat(substring('a11y-large', 1, 10 * $a11y-large), ' ',
          substring('a11y-contrast', 1, 13 * $a11y-contrast)))"/>

  <!--
    a11y-href: href with the display mode added to its query (before any
    fragment); href itself when there is none.  mode: the mode to carry.
  -->
  <xsl:template name="a11y-href">
    <xsl:param name="href"/>
    <xsl:param name="mode" select="string($a11y)"/>
    <xsl:variable name="h" select="substring-before(concat($href, '#'), '#')"/>
    <xsl:value-of select="$h"/>
    <xsl:if test="$mode != ''">
      <xsl:choose>
        <xsl:when test="contains($h, '?')">&amp;</xsl:when>
        <xsl:otherwise>?</xsl:otherwise>
      </xsl:choose>
      <xsl:text>a11y=</xsl:text>
      <xsl:value-of select="$mode"/>
    </xsl:if>
    <xsl:if test="contains($href, '#')">
      <xsl:value-of select="concat('#', substring-after($href, '#'))"/>
    </xsl:if>
  </xsl:template>

  <!--
    显示方式切换：两个链接，各开关一项，另一项保持不变 / the switch: two
    links to this page, each turning one mode on or off and keeping the
    other.  Links, not buttons: they work without a script and are kept as
    bookmarks.
  -->
  <xsl:template name="a11y-switch">
    <xsl:variable name="path" select="string(/page/site/@path)"/>
    <xsl:variable name="c" select="substring('contrast', 1, 8 * $a11y-contrast)"/>
    <xsl:variable name="l" select="substring('large', 1, 5 * $a11y-large)"/>
    <ul class="a11y-switch">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'a11y.label'"/>
        </xsl:call-template>
      </xsl:attribute>
      <li>
        <a class="a11y-switch-large">
          <xsl:attribute name="href">
            <xsl:call-template name="a11y-href">
              <xsl:with-param name="href" select="$path"/>
              <xsl:with-param name="mode">
                <xsl:choose>
                  <xsl:when test="$a11y-large"><xsl:value-of select="$c"/></xsl:when>
                  <xsl:when test="$a11y-contrast">large-contrast</xsl:when>
                  <xsl:otherwise>large</xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:call-template name="t">
            <xsl:with-param name="key"
                select="concat('a11y.large.', substring('on', 1, 2 * not($a11y-large)),
                    substring('off', 1, 3 * $a11y-large))"/>
          </xsl:call-template>
        </a>
      </li>
      <li>
        <a class="a11y-switch-contrast">
          <xsl:attribute name="href">
            <xsl:call-template name="a11y-href">
              <xsl:with-param name="href" select="$path"/>
              <xsl:with-param name="mode">
                <xsl:choose>
                  <xsl:when test="$a11y-contrast"><xsl:value-of select="$l"/></xsl:when>
                  <xsl:when test="$a11y-large">large-contrast</xsl:when>
                  <xsl:otherwise>contrast</xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:call-template name="t">
            <xsl:with-param name="key"
                select="concat('a11y.contrast.', substring('on', 1, 2 * not($a11y-contrast)),
                    substring('off', 1, 3 * $a11y-contrast))"/>
          </xsl:call-template>
        </a>
      </li>
    </ul>
  </xsl:template>

  <!--
    page-content: the feature's content (mode "content"), as a layout
    places it.  In a display mode, the content is made first and copied
    with the mode added to its links within the site, its POST forms'
    actions and (a hidden field) its GET forms, so the reader keeps it from
    page to page; in the ordinary look, the content as it is.
  -->
  <xsl:template name="page-content">
    <xsl:choose>
      <xsl:when test="$a11y = ''">
        <xsl:apply-templates select="/page" mode="content"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="content">
          <xsl:apply-templates select="/page" mode="content"/>
        </xsl:variable>
        <xsl:apply-templates select="exsl:node-set($content)/node()" mode="a11y-carry"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="@*|node()" mode="a11y-carry">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()" mode="a11y-carry"/>
    </xsl:copy>
  </xsl:template>

  <!-- A link or a POST form's action within the site: no scheme, no "//", not a fragment. -->
  <xsl:template mode="a11y-carry"
      match="a/@href[not(starts-with(., '#')) and not(starts-with(., '//')) and
          not(contains(substring-before(concat(., '/'), '/'), ':'))] |
          form[translate(@method, 'POST', 'post') = 'post']/@action[not(starts-with(., '//')) and
          not(contains(substring-before(concat(., '/'), '/'), ':'))]">
    <xsl:attribute name="{name()}">
      <xsl:call-template name="a11y-href">
        <xsl:with-param name="href" select="string(.)"/>
      </xsl:call-template>
    </xsl:attribute>
  </xsl:template>

  <!-- A GET form: the browser replaces the action's query, so a hidden field. -->
  <xsl:template match="form[not(translate(@method, 'POST', 'post') = 'post')]" mode="a11y-carry">
    <xsl:copy>
      <xsl:apply-templates select="@*" mode="a11y-carry"/>
      <input type="hidden" name="a11y" value="{$a11y}"/>
      <xsl:apply-templates select="node()" mode="a11y-carry"/>
    </xsl:copy>
  </xsl:template>

</xsl:stylesheet>
