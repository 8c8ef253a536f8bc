<?xml version="1.0" encoding="UTF-8"?>
<!--
  demo.xsl: the demonstration program, 便民留言 (a public note board), which
  proves the request path end to end.  Views:

    note-list  GET /demo/           /page/notes/note (id, title, category, created), /page/pager
    note-form  GET /demo/new        the form; POST /demo/new answers it again (422) with
                                    /page/errors and /page/values
    note       GET /demo/m/{id}     /page/note (id, title, category, body, created,
                                    optional <attachment name type size/>)

  The program compiles this file only; layout.xsl and common.xsl (with the
  catalogues) come in by xsl:include.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="layout.xsl"/>
  <xsl:include href="common.xsl"/>

  <!-- ===== note-list ===== -->

  <xsl:template match="page[@view = 'note-list']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'demo.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'note-list']" mode="content">
    <h1>
      <xsl:apply-templates select="." mode="title"/>
    </h1>
    <p class="lead">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="'demo.intro'"/>
      </xsl:call-template>
    </p>
    <p>
      <a class="button" href="{$site/@mount}new">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'demo.new'"/>
        </xsl:call-template>
      </a>
    </p>
    <section class="list-section" aria-labelledby="notes-heading">
      <h2 id="notes-heading">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'demo.list'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="notes/note">
          <ul class="item-list">
            <xsl:for-each select="notes/note">
              <li>
                <a class="item-title" href="{$site/@mount}m/{id}">
                  <xsl:value-of select="title"/>
                </a>
                <p class="meta">
                  <span class="tag">
                    <xsl:value-of select="category"/>
                  </span>
                  <xsl:text> </xsl:text>
                  <xsl:apply-templates select="created"/>
                </p>
              </li>
            </xsl:for-each>
          </ul>
          <xsl:call-template name="pager"/>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'demo.empty'"/>
            </xsl:call-template>
          </p>
          <xsl:call-template name="pager"/>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- "2026-11-23 10:15:00" shown to the minute; the full value is machine-readable. -->
  <xsl:template match="created">
    <time datetime="{.}">
      <xsl:value-of select="substring(., 1, 16)"/>
    </time>
  </xsl:template>

  <!-- ===== note-form ===== -->

  <xsl:template match="page[@view = 'note-form']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'demo.form.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'note-form']" mode="content">
    <h1>
      <xsl:apply-templates select="." mode="title"/>
    </h1>
    <p class="lead">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="'demo.form.intro'"/>
      </xsl:call-template>
    </p>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'demo.f.'"/>
    </xsl:call-template>
    <!--
      novalidate: the server's messages, in the page's language and tied to
      their fields, are clearer than a browser's passing bubbles.
    -->
    <form class="form" method="post" action="{$site/@mount}new"
        enctype="multipart/form-data" accept-charset="UTF-8" novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'title'"/>
        <xsl:with-param name="label" select="'demo.f.title'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'demo.h.title'"/>
        <xsl:with-param name="maxlength" select="'40'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'category'"/>
        <xsl:with-param name="label" select="'demo.f.category'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="options" select="categories/category"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'body'"/>
        <xsl:with-param name="label" select="'demo.f.body'"/>
        <xsl:with-param name="type" select="'textarea'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'demo.h.body'"/>
        <xsl:with-param name="maxlength" select="'3000'"/>
      </xsl:call-template>

      <fieldset>
        <legend>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'demo.contact'"/>
          </xsl:call-template>
        </legend>
        <p class="notice">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'demo.privacy'"/>
          </xsl:call-template>
        </p>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="label" select="'demo.f.name'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="hint" select="'demo.h.name'"/>
          <xsl:with-param name="maxlength" select="'20'"/>
          <xsl:with-param name="autocomplete" select="'name'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'mobile'"/>
          <xsl:with-param name="label" select="'demo.f.mobile'"/>
          <xsl:with-param name="type" select="'tel'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="hint" select="'demo.h.mobile'"/>
          <xsl:with-param name="maxlength" select="'11'"/>
          <xsl:with-param name="autocomplete" select="'tel'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'email'"/>
          <xsl:with-param name="label" select="'demo.f.email'"/>
          <xsl:with-param name="type" select="'email'"/>
          <xsl:with-param name="hint" select="'demo.h.email'"/>
          <xsl:with-param name="maxlength" select="'254'"/>
          <xsl:with-param name="autocomplete" select="'email'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'idcard'"/>
          <xsl:with-param name="label" select="'demo.f.idcard'"/>
          <xsl:with-param name="hint" select="'demo.h.idcard'"/>
          <xsl:with-param name="maxlength" select="'18'"/>
          <xsl:with-param name="autocomplete" select="'off'"/>
        </xsl:call-template>
      </fieldset>

      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'visit_date'"/>
        <xsl:with-param name="label" select="'demo.f.visit_date'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="hint" select="'demo.h.visit_date'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'attachment'"/>
        <xsl:with-param name="label" select="'demo.f.attachment'"/>
        <xsl:with-param name="type" select="'file'"/>
        <xsl:with-param name="hint" select="'demo.h.attachment'"/>
        <xsl:with-param name="accept" select="'.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'"/>
      </xsl:call-template>

      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'demo.submit'"/>
      </xsl:call-template>
    </form>
    <p>
      <a href="{$site/@mount}">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'demo.back'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- ===== note ===== -->

  <xsl:template match="page[@view = 'note']" mode="title">
    <xsl:value-of select="note/title"/>
  </xsl:template>

  <xsl:template match="page[@view = 'note']" mode="content">
    <xsl:variable name="note" select="note"/>
    <article class="note">
      <h1>
        <xsl:value-of select="$note/title"/>
      </h1>
      <dl class="meta-list">
        <div>
          <dt>
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'demo.note.id'"/>
            </xsl:call-template>
          </dt>
          <dd>
            <xsl:value-of select="$note/id"/>
          </dd>
        </div>
        <div>
          <dt>
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'demo.note.category'"/>
            </xsl:call-template>
          </dt>
          <dd>
            <xsl:value-of select="$note/category"/>
          </dd>
        </div>
        <div>
          <dt>
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'demo.note.created'"/>
            </xsl:call-template>
          </dt>
          <dd>
            <xsl:apply-templates select="$note/created"/>
          </dd>
        </div>
      </dl>
      <!-- Line breaks are kept by CSS (white-space: pre-wrap), not by markup. -->
      <div class="text-body">
        <xsl:value-of select="$note/body"/>
      </div>
      <xsl:for-each select="$note/attachment">
        <p class="attachment">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'demo.note.attachment'"/>
          </xsl:call-template>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'form.colon'"/>
          </xsl:call-template>
          <a href="{$site/@mount}m/{$note/id}/file">
            <xsl:value-of select="@name"/>
          </a>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'demo.note.file-info'"/>
            <xsl:with-param name="s">
              <xsl:choose>
                <xsl:when test="@type = 'application/pdf'">PDF</xsl:when>
                <xsl:when test="@type = 'image/jpeg'">JPEG</xsl:when>
                <xsl:when test="@type = 'image/png'">PNG</xsl:when>
                <xsl:otherwise>
                  <xsl:value-of select="@type"/>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="n">
              <xsl:call-template name="human-size">
                <xsl:with-param name="bytes" select="@size"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </p>
      </xsl:for-each>
    </article>
    <p>
      <a href="{$site/@mount}">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'demo.back'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

</xsl:stylesheet>
