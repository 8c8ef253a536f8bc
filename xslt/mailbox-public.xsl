<?xml version="1.0" encoding="UTF-8"?>
<!--
  mailbox-public.xsl: included by mailbox.xsl.  The published letters
  (modules/mailbox/public.c), for everyone.  Views (/page/@view):

    public-list    GET /mailbox/?q=&type=&category=&department=&year=&after=
                   /page/letters/letter (id, subject, type, category,
                   department, created, replied, reply_days, excerpt,
                   more 1|0: the body goes on past the excerpt), newest
                   first; /page/pager; the filters in force in
                   /page/values (q, type, category, department, year);
                   their choices in /page/categories/category/@id|@name,
                   /page/departments/department/@id|@name and
                   /page/years/y/year; when searching,
                   /page/search/@q and @grams (0: the query had no
                   searchable character, so nothing was looked for)
    public-letter  GET /mailbox/l/{id}
                   /page/letter (id, tracking_no, subject, type, category,
                   department, created, replied, reply_days, published,
                   body, reply)

  Only public text is ever in these pages: the public (masked) version of
  a published letter.  The Atom feed (/mailbox/feed.atom) and Open311
  (/mailbox/open311/v2/) are XML documents of their own, not views.
  Named templates here begin with "pub-".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="exsl str">

  <!-- ===== shared pieces ===== -->

  <xsl:template name="pub-t">
    <xsl:param name="key"/>
    <xsl:param name="n"/>
    <xsl:param name="s"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="$key"/>
      <xsl:with-param name="n" select="$n"/>
      <xsl:with-param name="s" select="$s"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The reply's date and the working days it took. -->
  <xsl:template name="pub-replied">
    <xsl:param name="letter"/>
    <xsl:if test="string($letter/replied) != ''">
      <xsl:call-template name="pub-t">
        <xsl:with-param name="key" select="'mailbox.public.replied-on'"/>
        <xsl:with-param name="s" select="string($letter/replied)"/>
      </xsl:call-template>
      <xsl:if test="string($letter/reply_days) != ''">
        <xsl:text> </xsl:text>
        <xsl:call-template name="pub-t">
          <xsl:with-param name="key" select="'mailbox.public.days'"/>
          <xsl:with-param name="n" select="string($letter/reply_days)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- The filters in force as a query string, for the pager's links. -->
  <xsl:template name="pub-query">
    <xsl:for-each select="/page/values/value[(@name = 'q' or @name = 'type'
        or @name = 'category' or @name = 'department' or @name = 'year') and . != '']">
      <xsl:if test="position() > 1">&amp;</xsl:if>
      <xsl:value-of select="concat(@name, '=', str:encode-uri(string(.), true()))"/>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== public-list ===== -->

  <xsl:template match="page[@view = 'public-list']" mode="title">
    <xsl:call-template name="pub-t">
      <xsl:with-param name="key" select="'mailbox.public.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'public-list']" mode="content">
    <xsl:variable name="mount" select="string($site/@mount)"/>
    <xsl:variable name="query">
      <xsl:call-template name="pub-query"/>
    </xsl:variable>
    <xsl:variable name="types">
      <xsl:for-each select="$i18n-zh-m[starts-with(@k, 'mailbox.type.')]">
        <o value="{substring-after(@k, 'mailbox.type.')}">
          <xsl:call-template name="pub-t">
            <xsl:with-param name="key" select="string(@k)"/>
          </xsl:call-template>
        </o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="categories">
      <xsl:for-each select="categories/category">
        <o value="{@id}"><xsl:value-of select="@name"/></o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="departments">
      <xsl:for-each select="departments/department">
        <o value="{@id}"><xsl:value-of select="@name"/></o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="years">
      <xsl:for-each select="years/y/year">
        <o value="{.}"><xsl:value-of select="."/></o>
      </xsl:for-each>
    </xsl:variable>

    <h1>
      <xsl:apply-templates select="." mode="title"/>
    </h1>
    <p class="lead">
      <xsl:call-template name="pub-t">
        <xsl:with-param name="key" select="'mailbox.public.intro'"/>
      </xsl:call-template>
    </p>
    <ul class="menu-list">
      <li>
        <a href="{$mount}write">
          <xsl:call-template name="pub-t">
            <xsl:with-param name="key" select="'mailbox.public.write'"/>
          </xsl:call-template>
        </a>
      </li>
      <li>
        <a href="{$mount}track">
          <xsl:call-template name="pub-t">
            <xsl:with-param name="key" select="'mailbox.public.track'"/>
          </xsl:call-template>
        </a>
      </li>
      <li>
        <a href="{$mount}feed.atom" type="application/atom+xml">
          <xsl:call-template name="pub-t">
            <xsl:with-param name="key" select="'mailbox.public.feed'"/>
          </xsl:call-template>
        </a>
      </li>
    </ul>

    <!-- A plain GET form: filters and search work without JavaScript. -->
    <form class="form filter-form" method="get" action="{$mount}" accept-charset="UTF-8"
        role="search" novalidate="novalidate">
      <fieldset>
        <legend>
          <xsl:call-template name="pub-t">
            <xsl:with-param name="key" select="'mailbox.public.filter'"/>
          </xsl:call-template>
        </legend>
        <div class="filter-fields">
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'q'"/>
            <xsl:with-param name="label" select="'mailbox.public.f.q'"/>
            <xsl:with-param name="type" select="'text'"/>
            <xsl:with-param name="hint" select="'mailbox.public.h.q'"/>
            <xsl:with-param name="maxlength" select="'40'"/>
            <xsl:with-param name="autocomplete" select="'off'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'type'"/>
            <xsl:with-param name="label" select="'mailbox.public.f.type'"/>
            <xsl:with-param name="type" select="'select'"/>
            <xsl:with-param name="options" select="exsl:node-set($types)/o"/>
            <xsl:with-param name="empty-label" select="'mailbox.public.all'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'category'"/>
            <xsl:with-param name="label" select="'mailbox.public.f.category'"/>
            <xsl:with-param name="type" select="'select'"/>
            <xsl:with-param name="options" select="exsl:node-set($categories)/o"/>
            <xsl:with-param name="empty-label" select="'mailbox.public.all'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'department'"/>
            <xsl:with-param name="label" select="'mailbox.public.f.department'"/>
            <xsl:with-param name="type" select="'select'"/>
            <xsl:with-param name="options" select="exsl:node-set($departments)/o"/>
            <xsl:with-param name="empty-label" select="'mailbox.public.all'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'year'"/>
            <xsl:with-param name="label" select="'mailbox.public.f.year'"/>
            <xsl:with-param name="type" select="'select'"/>
            <xsl:with-param name="options" select="exsl:node-set($years)/o"/>
            <xsl:with-param name="empty-label" select="'mailbox.public.all'"/>
          </xsl:call-template>
        </div>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'mailbox.public.submit'"/>
        </xsl:call-template>
      </fieldset>
    </form>

    <section class="list-section" aria-labelledby="pub-list-heading">
      <h2 id="pub-list-heading">
        <xsl:choose>
          <xsl:when test="search">
            <xsl:call-template name="pub-t">
              <xsl:with-param name="key" select="'mailbox.public.results'"/>
              <xsl:with-param name="s" select="string(search/@q)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="pub-t">
              <xsl:with-param name="key" select="'mailbox.public.list'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </h2>
      <xsl:choose>
        <xsl:when test="letters/letter">
          <ul class="item-list">
            <xsl:for-each select="letters/letter">
              <li>
                <a class="item-title" href="{$mount}l/{id}">
                  <xsl:value-of select="subject"/>
                </a>
                <p class="meta">
                  <span class="tag">
                    <xsl:call-template name="mailbox-code">
                      <xsl:with-param name="prefix" select="'mailbox.type.'"/>
                      <xsl:with-param name="code" select="string(type)"/>
                    </xsl:call-template>
                  </span>
                  <xsl:text> </xsl:text>
                  <span class="tag">
                    <xsl:value-of select="category"/>
                  </span>
                  <xsl:text> </xsl:text>
                  <xsl:call-template name="pub-t">
                    <xsl:with-param name="key" select="'mailbox.public.written-on'"/>
                    <xsl:with-param name="s" select="string(created)"/>
                  </xsl:call-template>
                  <xsl:if test="string(department) != ''">
                    <xsl:text> · </xsl:text>
                    <xsl:call-template name="pub-t">
                      <xsl:with-param name="key" select="'mailbox.public.answered-by'"/>
                      <xsl:with-param name="s" select="string(department)"/>
                    </xsl:call-template>
                  </xsl:if>
                  <xsl:if test="string(replied) != ''">
                    <xsl:text> · </xsl:text>
                    <xsl:call-template name="pub-replied">
                      <xsl:with-param name="letter" select="."/>
                    </xsl:call-template>
                  </xsl:if>
                </p>
                <p>
                  <xsl:value-of select="excerpt"/>
                  <xsl:if test="more = '1'">…</xsl:if>
                </p>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">
            <xsl:call-template name="pub-t">
              <xsl:with-param name="key">
                <xsl:choose>
                  <xsl:when test="search/@grams = '0'">mailbox.public.empty-nogram</xsl:when>
                  <xsl:when test="search">mailbox.public.empty-search</xsl:when>
                  <xsl:when test="string($query) != ''">mailbox.public.empty-filter</xsl:when>
                  <xsl:otherwise>mailbox.public.empty</xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="s" select="string(search/@q)"/>
            </xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="pager">
        <xsl:with-param name="query" select="string($query)"/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- ===== public-letter ===== -->

  <xsl:template match="page[@view = 'public-letter']" mode="title">
    <xsl:value-of select="letter/subject"/>
  </xsl:template>

  <xsl:template match="page[@view = 'public-letter']" mode="content">
    <xsl:variable name="l" select="letter"/>
    <article>
      <h1>
        <xsl:value-of select="$l/subject"/>
      </h1>
      <dl class="meta-list">
        <div>
          <dt>
            <xsl:call-template name="pub-t">
              <xsl:with-param name="key" select="'mailbox.public.tracking-no'"/>
            </xsl:call-template>
          </dt>
          <dd>
            <xsl:value-of select="$l/tracking_no"/>
          </dd>
        </div>
        <div>
          <dt>
            <xsl:call-template name="pub-t">
              <xsl:with-param name="key" select="'mailbox.public.f.type'"/>
            </xsl:call-template>
          </dt>
          <dd>
            <xsl:call-template name="mailbox-code">
              <xsl:with-param name="prefix" select="'mailbox.type.'"/>
              <xsl:with-param name="code" select="string($l/type)"/>
            </xsl:call-template>
          </dd>
        </div>
        <div>
          <dt>
            <xsl:call-template name="pub-t">
              <xsl:with-param name="key" select="'mailbox.public.f.category'"/>
            </xsl:call-template>
          </dt>
          <dd>
            <xsl:value-of select="$l/category"/>
          </dd>
        </div>
        <div>
          <dt>
            <xsl:call-template name="pub-t">
              <xsl:with-param name="key" select="'mailbox.public.created'"/>
            </xsl:call-template>
          </dt>
          <dd>
            <time datetime="{$l/created}">
              <xsl:value-of select="$l/created"/>
            </time>
          </dd>
        </div>
        <xsl:if test="string($l/department) != ''">
          <div>
            <dt>
              <xsl:call-template name="pub-t">
                <xsl:with-param name="key" select="'mailbox.public.department'"/>
              </xsl:call-template>
            </dt>
            <dd>
              <xsl:value-of select="$l/department"/>
            </dd>
          </div>
        </xsl:if>
        <xsl:if test="string($l/replied) != ''">
          <div>
            <dt>
              <xsl:call-template name="pub-t">
                <xsl:with-param name="key" select="'mailbox.public.replied'"/>
              </xsl:call-template>
            </dt>
            <dd>
              <xsl:call-template name="pub-replied">
                <xsl:with-param name="letter" select="$l"/>
              </xsl:call-template>
            </dd>
          </div>
        </xsl:if>
      </dl>
      <section aria-labelledby="pub-body-heading">
        <h2 id="pub-body-heading">
          <xsl:call-template name="pub-t">
            <xsl:with-param name="key" select="'mailbox.public.body'"/>
          </xsl:call-template>
        </h2>
        <!-- Line breaks are kept by CSS (white-space: pre-wrap), not by markup. -->
        <div class="text-body">
          <xsl:value-of select="$l/body"/>
        </div>
      </section>
      <section aria-labelledby="pub-reply-heading">
        <h2 id="pub-reply-heading">
          <xsl:call-template name="pub-t">
            <xsl:with-param name="key" select="'mailbox.public.reply'"/>
          </xsl:call-template>
        </h2>
        <div class="text-body">
          <xsl:value-of select="$l/reply"/>
        </div>
      </section>
    </article>
    <p class="back-link">
      <a href="{$site/@mount}">
        <xsl:call-template name="pub-t">
          <xsl:with-param name="key" select="'mailbox.public.back'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

</xsl:stylesheet>
