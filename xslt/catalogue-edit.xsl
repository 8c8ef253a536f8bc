<?xml version="1.0" encoding="UTF-8"?>
<!--
  catalogue-edit.xsl: included by catalogue.xsl.  The staff's entries
  (modules/catalogue/edit.c).  Words in i18n/catalogue-edit.xml.  Views
  (/page/@view):

    ced-list      GET /staff/entries[?state=&body=&q=&after=]
                    /page/entries/entry (id, index_no, title, state,
                    disclosure, body, version, updated_at), /page/bodies/body
                    (the office's filter), /page/pager
    ced-form      GET /staff/new, /staff/e/{id}[?done=…], the refused POSTs
                    /page/owners/body (lead bodies), /page/bodies/body (joint),
                    /page/categories/category, /page/themes/theme,
                    /page/genres/genre; editing, /page/entry (the head) and
                    /page/attachments/attachment; the values in /page/values
    ced-step      GET /staff/e/{id}/publish, …/withdraw
                    /page/entry, /page/attachments, /page/step
    ced-history   GET /staff/e/{id}/history
                    /page/entry, /page/history/change
    ced-snapshot  GET /staff/e/{id}/v/{row}
                    /page/entry, /page/change, /page/snapshot/entry

  Named templates here begin with "ced-".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="exsl str">

  <xsl:variable name="ced-owners-rtf">
    <xsl:for-each select="/page/owners/body">
      <o value="{id}"><xsl:value-of select="name"/></o>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="ced-bodies-rtf">
    <xsl:for-each select="/page/bodies/body">
      <o value="{id}"><xsl:value-of select="name"/></o>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="ced-categories-rtf">
    <xsl:for-each select="/page/categories/category">
      <o value="{id}"><xsl:value-of select="concat(code, ' ', name)"/></o>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="ced-themes-rtf">
    <xsl:for-each select="/page/themes/theme">
      <o value="{id}"><xsl:value-of select="concat(code, ' ', name)"/></o>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="ced-genres-rtf">
    <xsl:for-each select="/page/genres/genre">
      <o value="{id}"><xsl:value-of select="name"/></o>
    </xsl:for-each>
  </xsl:variable>

  <xsl:template name="ced-t">
    <xsl:param name="key"/>
    <xsl:param name="n"/>
    <xsl:param name="s"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="$key"/>
      <xsl:with-param name="n" select="$n"/>
      <xsl:with-param name="s" select="$s"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Options of a schema ENUM: words are catalogue.{prefix}.{value} (catalogue.xml). -->
  <xsl:template name="ced-enum">
    <xsl:param name="prefix"/>
    <xsl:param name="values"/>
    <xsl:for-each select="str:tokenize($values, ' ')">
      <o value="{.}">
        <xsl:call-template name="ced-t">
          <xsl:with-param name="key" select="concat('catalogue.', $prefix, '.', .)"/>
        </xsl:call-template>
      </o>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="ced-heading">
    <xsl:param name="key"/>
    <h1>
      <xsl:call-template name="ced-t">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
      <xsl:if test="/page/entry/title">
        <xsl:text>：</xsl:text>
        <xsl:value-of select="/page/entry/title"/>
      </xsl:if>
    </h1>
  </xsl:template>

  <!-- The entry's head: index number, state, body, links to its pages. -->
  <xsl:template name="ced-head">
    <xsl:variable name="e" select="/page/entry"/>
    <xsl:if test="$e">
      <dl class="ced-head">
        <dt>
          <xsl:call-template name="ced-t">
            <xsl:with-param name="key" select="'catalogue.edit.f.index_no'"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$e/index_no"><xsl:value-of select="$e/index_no"/></xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="ced-t">
                <xsl:with-param name="key" select="'catalogue.edit.index.none'"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt>
          <xsl:call-template name="ced-t">
            <xsl:with-param name="key" select="'catalogue.edit.f.state'"/>
          </xsl:call-template>
        </dt>
        <dd class="ced-state ced-state-{$e/state}">
          <xsl:call-template name="ced-t">
            <xsl:with-param name="key" select="concat('catalogue.state.', $e/state)"/>
          </xsl:call-template>
          <xsl:if test="$e/state = 'withdrawn'">
            <xsl:text>（</xsl:text>
            <xsl:value-of select="$e/withdrawn_reason"/>
            <xsl:text>）</xsl:text>
          </xsl:if>
        </dd>
        <dt>
          <xsl:call-template name="ced-t">
            <xsl:with-param name="key" select="'catalogue.edit.f.body'"/>
          </xsl:call-template>
        </dt>
        <dd><xsl:value-of select="$e/body"/></dd>
        <dt>
          <xsl:call-template name="ced-t">
            <xsl:with-param name="key" select="'catalogue.edit.f.version'"/>
          </xsl:call-template>
        </dt>
        <dd><xsl:value-of select="$e/version"/></dd>
      </dl>
      <ul class="ced-actions">
        <li>
          <a href="{$cat-mount}staff/e/{$e/id}">
            <xsl:call-template name="ced-t">
              <xsl:with-param name="key" select="'catalogue.edit.form.title'"/>
            </xsl:call-template>
          </a>
        </li>
        <xsl:if test="$e/state != 'published'">
          <li>
            <a href="{$cat-mount}staff/e/{$e/id}/publish">
              <xsl:call-template name="ced-t">
                <xsl:with-param name="key" select="'catalogue.edit.publish'"/>
              </xsl:call-template>
            </a>
          </li>
        </xsl:if>
        <xsl:if test="$e/state = 'published'">
          <li>
            <a href="{$cat-mount}staff/e/{$e/id}/withdraw">
              <xsl:call-template name="ced-t">
                <xsl:with-param name="key" select="'catalogue.edit.withdraw'"/>
              </xsl:call-template>
            </a>
          </li>
        </xsl:if>
        <li>
          <a href="{$cat-mount}staff/e/{$e/id}/history">
            <xsl:call-template name="ced-t">
              <xsl:with-param name="key" select="'catalogue.edit.history.title'"/>
            </xsl:call-template>
          </a>
        </li>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- ===== ced-list ===== -->

  <xsl:template match="page[@view = 'ced-list']" mode="title">
    <xsl:call-template name="ced-t">
      <xsl:with-param name="key" select="'catalogue.edit.list.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'ced-list']" mode="content">
    <xsl:call-template name="ced-heading">
      <xsl:with-param name="key" select="'catalogue.edit.list.title'"/>
    </xsl:call-template>
    <xsl:call-template name="cat-staff-menu"/>
    <form class="form ced-filter" method="get" action="{$cat-mount}staff/entries">
      <xsl:variable name="st">
        <xsl:call-template name="ced-enum">
          <xsl:with-param name="prefix" select="'state'"/>
          <xsl:with-param name="values" select="'draft published withdrawn'"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="ced-select">
        <xsl:with-param name="name" select="'state'"/>
        <xsl:with-param name="options" select="exsl:node-set($st)/o"/>
        <xsl:with-param name="empty" select="'catalogue.edit.filter.all'"/>
      </xsl:call-template>
      <xsl:if test="bodies">
        <xsl:call-template name="ced-select">
          <xsl:with-param name="name" select="'body'"/>
          <xsl:with-param name="options" select="exsl:node-set($ced-bodies-rtf)/o"/>
          <xsl:with-param name="empty" select="'catalogue.edit.filter.all'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="ced-text">
        <xsl:with-param name="name" select="'q'"/>
        <xsl:with-param name="type" select="'search'"/>
        <xsl:with-param name="maxlength" select="'50'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'catalogue.edit.filter.go'"/>
      </xsl:call-template>
    </form>
    <xsl:choose>
      <xsl:when test="entries/entry">
        <div class="table-wrap" role="region" tabindex="0">
          <xsl:attribute name="aria-label">
            <xsl:call-template name="ced-t">
              <xsl:with-param name="key" select="'catalogue.edit.list.title'"/>
            </xsl:call-template>
          </xsl:attribute>
          <table class="data-table ced-list">
            <caption>
              <xsl:call-template name="ced-t">
                <xsl:with-param name="key" select="'catalogue.edit.list.title'"/>
              </xsl:call-template>
            </caption>
            <thead>
              <tr>
                <xsl:for-each select="str:tokenize('index_no title body state disclosure version updated_at', ' ')">
                  <th scope="col">
                    <xsl:call-template name="ced-t">
                      <xsl:with-param name="key" select="concat('catalogue.edit.f.', .)"/>
                    </xsl:call-template>
                  </th>
                </xsl:for-each>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="entries/entry">
                <tr>
                  <td>
                    <xsl:choose>
                      <xsl:when test="index_no"><xsl:value-of select="index_no"/></xsl:when>
                      <xsl:otherwise>—</xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td><a href="{$cat-mount}staff/e/{id}"><xsl:value-of select="title"/></a></td>
                  <td><xsl:value-of select="body"/></td>
                  <td>
                    <xsl:call-template name="ced-t">
                      <xsl:with-param name="key" select="concat('catalogue.state.', state)"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="ced-t">
                      <xsl:with-param name="key" select="concat('catalogue.disclosure.', disclosure)"/>
                    </xsl:call-template>
                  </td>
                  <td><a href="{$cat-mount}staff/e/{id}/history"><xsl:value-of select="version"/></a></td>
                  <td><xsl:value-of select="updated_at"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:call-template name="pager">
          <xsl:with-param name="query">
            <xsl:for-each select="/page/values/value[@name = 'state' or @name = 'body' or @name = 'q'][. != '']">
              <xsl:if test="position() &gt; 1">&amp;</xsl:if>
              <xsl:value-of select="concat(@name, '=', str:encode-uri(., true()))"/>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty">
          <xsl:call-template name="ced-t">
            <xsl:with-param name="key" select="'catalogue.edit.list.none'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== ced-form ===== -->

  <xsl:template match="page[@view = 'ced-form']" mode="title">
    <xsl:call-template name="ced-t">
      <xsl:with-param name="key">
        <xsl:choose>
          <xsl:when test="entry">catalogue.edit.form.title</xsl:when>
          <xsl:otherwise>catalogue.edit.new.title</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'ced-form']" mode="content">
    <xsl:variable name="action">
      <xsl:choose>
        <xsl:when test="entry">
          <xsl:value-of select="concat($cat-mount, 'staff/e/', entry/id)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat($cat-mount, 'staff/new')"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="ced-heading">
      <xsl:with-param name="key">
        <xsl:choose>
          <xsl:when test="entry">catalogue.edit.form.title</xsl:when>
          <xsl:otherwise>catalogue.edit.new.title</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="cat-staff-menu"/>
    <xsl:call-template name="ced-head"/>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'catalogue.edit.f.'"/>
    </xsl:call-template>
    <form class="form ced-form" method="post" action="{$action}" accept-charset="UTF-8"
        enctype="multipart/form-data" novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <xsl:if test="entry">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'version'"/>
          <xsl:with-param name="type" select="'hidden'"/>
        </xsl:call-template>
      </xsl:if>
      <fieldset>
        <legend>
          <xsl:call-template name="ced-t">
            <xsl:with-param name="key" select="'catalogue.edit.part.entry'"/>
          </xsl:call-template>
        </legend>
        <xsl:call-template name="ced-text">
          <xsl:with-param name="name" select="'title'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="maxlength" select="'200'"/>
        </xsl:call-template>
        <xsl:call-template name="ced-text">
          <xsl:with-param name="name" select="'doc_no'"/>
          <xsl:with-param name="maxlength" select="'40'"/>
          <xsl:with-param name="hint" select="'catalogue.edit.h.doc_no'"/>
        </xsl:call-template>
        <xsl:call-template name="ced-select">
          <xsl:with-param name="name" select="'body'"/>
          <xsl:with-param name="options" select="exsl:node-set($ced-owners-rtf)/o"/>
          <xsl:with-param name="required" select="'yes'"/>
        </xsl:call-template>
        <xsl:for-each select="str:tokenize('1 2 3', ' ')">
          <xsl:call-template name="ced-select">
            <xsl:with-param name="name" select="concat('joint', .)"/>
            <xsl:with-param name="label" select="'joint'"/>
            <xsl:with-param name="n" select="string(.)"/>
            <xsl:with-param name="options" select="exsl:node-set($ced-bodies-rtf)/o"/>
            <xsl:with-param name="empty" select="'catalogue.edit.none'"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="ced-text">
          <xsl:with-param name="name" select="'written_on'"/>
          <xsl:with-param name="type" select="'date'"/>
          <xsl:with-param name="required" select="'yes'"/>
        </xsl:call-template>
        <xsl:call-template name="ced-select">
          <xsl:with-param name="name" select="'category'"/>
          <xsl:with-param name="options" select="exsl:node-set($ced-categories-rtf)/o"/>
          <xsl:with-param name="required" select="'yes'"/>
        </xsl:call-template>
        <xsl:call-template name="ced-select">
          <xsl:with-param name="name" select="'theme'"/>
          <xsl:with-param name="options" select="exsl:node-set($ced-themes-rtf)/o"/>
          <xsl:with-param name="required" select="'yes'"/>
        </xsl:call-template>
        <xsl:call-template name="ced-select">
          <xsl:with-param name="name" select="'genre'"/>
          <xsl:with-param name="options" select="exsl:node-set($ced-genres-rtf)/o"/>
          <xsl:with-param name="required" select="'yes'"/>
        </xsl:call-template>
        <xsl:call-template name="ced-text">
          <xsl:with-param name="name" select="'keywords'"/>
          <xsl:with-param name="maxlength" select="'200'"/>
        </xsl:call-template>
        <xsl:call-template name="ced-text">
          <xsl:with-param name="name" select="'summary'"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="maxlength" select="'2000'"/>
        </xsl:call-template>
        <xsl:call-template name="ced-text">
          <xsl:with-param name="name" select="'content'"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="maxlength" select="'20000'"/>
        </xsl:call-template>
        <xsl:variable name="disc">
          <xsl:call-template name="ced-enum">
            <xsl:with-param name="prefix" select="'disclosure'"/>
            <xsl:with-param name="values" select="'active request none'"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="ced-select">
          <xsl:with-param name="name" select="'disclosure'"/>
          <xsl:with-param name="options" select="exsl:node-set($disc)/o"/>
          <xsl:with-param name="required" select="'yes'"/>
        </xsl:call-template>
        <xsl:variable name="val">
          <xsl:call-template name="ced-enum">
            <xsl:with-param name="prefix" select="'validity'"/>
            <xsl:with-param name="values" select="'valid amended repealed'"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="ced-select">
          <xsl:with-param name="name" select="'validity'"/>
          <xsl:with-param name="options" select="exsl:node-set($val)/o"/>
          <xsl:with-param name="required" select="'yes'"/>
        </xsl:call-template>
      </fieldset>
      <fieldset>
        <legend>
          <xsl:call-template name="ced-t">
            <xsl:with-param name="key" select="'catalogue.edit.part.links'"/>
          </xsl:call-template>
        </legend>
        <xsl:call-template name="ced-text">
          <xsl:with-param name="name" select="'replaced_by'"/>
          <xsl:with-param name="maxlength" select="'24'"/>
          <xsl:with-param name="hint" select="'catalogue.edit.h.index_no'"/>
        </xsl:call-template>
        <xsl:call-template name="ced-text">
          <xsl:with-param name="name" select="'interprets'"/>
          <xsl:with-param name="maxlength" select="'24'"/>
          <xsl:with-param name="hint" select="'catalogue.edit.h.index_no'"/>
        </xsl:call-template>
        <xsl:for-each select="str:tokenize('1 2 3 4', ' ')">
          <xsl:call-template name="ced-text">
            <xsl:with-param name="name" select="concat('related', .)"/>
            <xsl:with-param name="label" select="'related'"/>
            <xsl:with-param name="n" select="string(.)"/>
            <xsl:with-param name="maxlength" select="'24'"/>
          </xsl:call-template>
        </xsl:for-each>
      </fieldset>
      <fieldset>
        <legend>
          <xsl:call-template name="ced-t">
            <xsl:with-param name="key" select="'catalogue.edit.part.attachments'"/>
          </xsl:call-template>
        </legend>
        <!-- Each stored attachment in its own group, so that its box's label has its name as context. -->
        <xsl:for-each select="attachments/attachment">
          <fieldset class="ced-group">
            <legend>
              <a href="{$cat-mount}staff/e/{/page/entry/id}/a/{id}">
                <xsl:choose>
                  <xsl:when test="title"><xsl:value-of select="title"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="name"/></xsl:otherwise>
                </xsl:choose>
              </a>
              <xsl:text> (</xsl:text>
              <xsl:call-template name="human-size">
                <xsl:with-param name="bytes" select="size"/>
              </xsl:call-template>
              <xsl:text>)</xsl:text>
            </legend>
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="concat('remove', position())"/>
              <xsl:with-param name="label" select="'catalogue.edit.f.remove'"/>
              <xsl:with-param name="type" select="'checkbox'"/>
              <xsl:with-param name="checkbox-value" select="string(id)"/>
            </xsl:call-template>
          </fieldset>
        </xsl:for-each>
        <xsl:call-template name="ced-files">
          <xsl:with-param name="n" select="1"/>
          <xsl:with-param name="last" select="10 - count(attachments/attachment)"/>
        </xsl:call-template>
      </fieldset>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'catalogue.edit.save'"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- Upload fields a{n} .. a{last} with their titles; a1 always (its error's place). -->
  <xsl:template name="ced-files">
    <xsl:param name="n"/>
    <xsl:param name="last"/>
    <xsl:if test="$n &lt;= $last or $n = 1">
      <fieldset class="ced-group">
        <legend>
          <xsl:call-template name="ced-t">
            <xsl:with-param name="key" select="'catalogue.edit.file.n'"/>
            <xsl:with-param name="n" select="string($n)"/>
          </xsl:call-template>
        </legend>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="concat('a', $n)"/>
          <xsl:with-param name="label" select="'catalogue.edit.f.file'"/>
          <xsl:with-param name="type" select="'file'"/>
          <xsl:with-param name="accept" select="'.pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png'"/>
          <xsl:with-param name="hint" select="'catalogue.edit.h.file'"/>
        </xsl:call-template>
        <xsl:call-template name="ced-text">
          <xsl:with-param name="name" select="concat('a', $n, '_title')"/>
          <xsl:with-param name="label" select="'file_title'"/>
          <xsl:with-param name="maxlength" select="'200'"/>
        </xsl:call-template>
      </fieldset>
      <xsl:call-template name="ced-files">
        <xsl:with-param name="n" select="$n + 1"/>
        <xsl:with-param name="last" select="$last"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A text control whose label key is catalogue.edit.f. + label (the name without its number). -->
  <xsl:template name="ced-text">
    <xsl:param name="name"/>
    <xsl:param name="label" select="$name"/>
    <xsl:param name="n"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="required" select="'no'"/>
    <xsl:param name="maxlength"/>
    <xsl:param name="hint"/>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="label" select="concat('catalogue.edit.f.', $label, $n)"/>
      <xsl:with-param name="type" select="$type"/>
      <xsl:with-param name="required" select="$required"/>
      <xsl:with-param name="maxlength" select="$maxlength"/>
      <xsl:with-param name="hint" select="$hint"/>
      <xsl:with-param name="rows" select="'6'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ced-select">
    <xsl:param name="name"/>
    <xsl:param name="label" select="$name"/>
    <xsl:param name="n"/>
    <xsl:param name="options"/>
    <xsl:param name="required" select="'no'"/>
    <xsl:param name="empty" select="'form.choose'"/>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="label" select="concat('catalogue.edit.f.', $label, $n)"/>
      <xsl:with-param name="type" select="'select'"/>
      <xsl:with-param name="required" select="$required"/>
      <xsl:with-param name="options" select="$options"/>
      <xsl:with-param name="empty-label" select="$empty"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== ced-step ===== -->

  <xsl:template match="page[@view = 'ced-step']" mode="title">
    <xsl:call-template name="ced-t">
      <xsl:with-param name="key" select="concat('catalogue.edit.', step)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'ced-step']" mode="content">
    <xsl:call-template name="ced-heading">
      <xsl:with-param name="key" select="concat('catalogue.edit.', step)"/>
    </xsl:call-template>
    <xsl:call-template name="cat-staff-menu"/>
    <xsl:call-template name="ced-head"/>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'catalogue.edit.f.'"/>
    </xsl:call-template>
    <form class="form ced-step" method="post" action="{$cat-mount}staff/e/{entry/id}/{step}"
        accept-charset="UTF-8" novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <p>
        <xsl:call-template name="ced-t">
          <xsl:with-param name="key" select="concat('catalogue.edit.', step, '.explain')"/>
        </xsl:call-template>
      </p>
      <xsl:if test="step = 'withdraw'">
        <xsl:call-template name="ced-text">
          <xsl:with-param name="name" select="'reason'"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="maxlength" select="'500'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="concat('catalogue.edit.', step)"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- ===== ced-history ===== -->

  <xsl:template match="page[@view = 'ced-history']" mode="title">
    <xsl:call-template name="ced-t">
      <xsl:with-param name="key" select="'catalogue.edit.history.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ced-who">
    <xsl:param name="c"/>
    <xsl:choose>
      <xsl:when test="$c/staff">
        <xsl:value-of select="$c/staff"/>
        <xsl:text> (</xsl:text>
        <xsl:value-of select="$c/staff_no"/>
        <xsl:text>)</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ced-t">
          <xsl:with-param name="key" select="'catalogue.edit.who.import'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@view = 'ced-history']" mode="content">
    <xsl:call-template name="ced-heading">
      <xsl:with-param name="key" select="'catalogue.edit.history.title'"/>
    </xsl:call-template>
    <xsl:call-template name="cat-staff-menu"/>
    <xsl:call-template name="ced-head"/>
    <div class="table-wrap" role="region" tabindex="0">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="ced-t">
          <xsl:with-param name="key" select="'catalogue.edit.history.title'"/>
        </xsl:call-template>
      </xsl:attribute>
      <table class="data-table ced-history">
        <caption>
          <xsl:call-template name="ced-t">
            <xsl:with-param name="key" select="'catalogue.edit.history.title'"/>
          </xsl:call-template>
        </caption>
        <thead>
          <tr>
            <xsl:for-each select="str:tokenize('version action staff changed_at summary', ' ')">
              <th scope="col">
                <xsl:call-template name="ced-t">
                  <xsl:with-param name="key" select="concat('catalogue.edit.col.', .)"/>
                </xsl:call-template>
              </th>
            </xsl:for-each>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="history/change">
            <tr>
              <td>
                <a href="{$cat-mount}staff/e/{/page/entry/id}/v/{id}">
                  <xsl:value-of select="version"/>
                </a>
              </td>
              <td>
                <xsl:call-template name="ced-t">
                  <xsl:with-param name="key" select="concat('catalogue.edit.action.', action)"/>
                </xsl:call-template>
              </td>
              <td>
                <xsl:call-template name="ced-who">
                  <xsl:with-param name="c" select="."/>
                </xsl:call-template>
              </td>
              <td><xsl:value-of select="changed_at"/></td>
              <td><xsl:value-of select="summary"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <xsl:call-template name="pager"/>
  </xsl:template>

  <!-- ===== ced-snapshot ===== -->

  <xsl:template match="page[@view = 'ced-snapshot']" mode="title">
    <xsl:call-template name="ced-t">
      <xsl:with-param name="key" select="'catalogue.edit.snapshot.title'"/>
      <xsl:with-param name="n" select="string(change/version)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'ced-snapshot']" mode="content">
    <xsl:variable name="s" select="snapshot/entry"/>
    <h1>
      <xsl:call-template name="ced-t">
        <xsl:with-param name="key" select="'catalogue.edit.snapshot.title'"/>
        <xsl:with-param name="n" select="string(change/version)"/>
      </xsl:call-template>
    </h1>
    <xsl:call-template name="cat-staff-menu"/>
    <p class="meta">
      <xsl:call-template name="ced-t">
        <xsl:with-param name="key" select="concat('catalogue.edit.action.', change/action)"/>
      </xsl:call-template>
      <xsl:text> · </xsl:text>
      <xsl:call-template name="ced-who">
        <xsl:with-param name="c" select="change"/>
      </xsl:call-template>
      <xsl:text> · </xsl:text>
      <xsl:value-of select="change/changed_at"/>
      <xsl:text> · </xsl:text>
      <xsl:value-of select="change/summary"/>
    </p>
    <dl class="ced-snapshot">
      <xsl:for-each select="$s/*[not(self::joint or self::links or self::attachments or self::body or self::category or self::theme or self::genre)]">
        <dt>
          <xsl:call-template name="ced-t">
            <xsl:with-param name="key" select="concat('catalogue.edit.f.', local-name())"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:choose>
            <xsl:when test="local-name() = 'state'">
              <xsl:call-template name="ced-t">
                <xsl:with-param name="key" select="concat('catalogue.state.', .)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:when test="local-name() = 'disclosure' or local-name() = 'validity'">
              <xsl:call-template name="ced-t">
                <xsl:with-param name="key" select="concat('catalogue.', local-name(), '.', .)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
          </xsl:choose>
        </dd>
      </xsl:for-each>
      <dt>
        <xsl:call-template name="ced-t">
          <xsl:with-param name="key" select="'catalogue.edit.f.joint'"/>
        </xsl:call-template>
      </dt>
      <dd>
        <xsl:for-each select="$s/joint/body">
          <xsl:if test="position() &gt; 1">、</xsl:if>
          <xsl:value-of select="name"/>
        </xsl:for-each>
      </dd>
      <dt>
        <xsl:call-template name="ced-t">
          <xsl:with-param name="key" select="'catalogue.edit.part.links'"/>
        </xsl:call-template>
      </dt>
      <dd>
        <xsl:for-each select="$s/links/link">
          <xsl:if test="position() &gt; 1">；</xsl:if>
          <xsl:call-template name="ced-t">
            <xsl:with-param name="key" select="concat('catalogue.edit.f.', kind)"/>
          </xsl:call-template>
          <xsl:value-of select="concat(' ', index_no, ' ', title)"/>
        </xsl:for-each>
      </dd>
      <dt>
        <xsl:call-template name="ced-t">
          <xsl:with-param name="key" select="'catalogue.edit.part.attachments'"/>
        </xsl:call-template>
      </dt>
      <dd>
        <xsl:for-each select="$s/attachments/attachment">
          <xsl:if test="position() &gt; 1">；</xsl:if>
          <xsl:value-of select="name"/>
          <xsl:if test="title"><xsl:value-of select="concat('（', title, '）')"/></xsl:if>
        </xsl:for-each>
      </dd>
    </dl>
    <p class="back">
      <a href="{$cat-mount}staff/e/{entry/id}/history">
        <xsl:call-template name="ced-t">
          <xsl:with-param name="key" select="'catalogue.edit.history.title'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

</xsl:stylesheet>
