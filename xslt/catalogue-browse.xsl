<?xml version="1.0" encoding="UTF-8"?>
<!--
  catalogue-browse.xsl: included by catalogue.xsl.  The public catalogue
  (modules/catalogue/browse.c), for everyone.  Views (/page/@view;
  xslt/schema/catalogue-browse.rng has them exactly):

    browse-home   GET /catalogue/
                  /page/categories/category (id, code, name, n, and its
                  child nodes as category): the catalogue tree; /page/
                  bodies/body (id, name, n); /page/themes/theme (id, code,
                  name, n, child themes); /page/years/y (year, n); /page/
                  entries/entry: the newest entries
    browse-list   GET /catalogue/list?category=&body=&theme=&year=&genre=
                  &validity=&q=&after=
                  the same facets, counted within the other filters, and
                  /page/genres/genre (id, name, n), /page/validities/v
                  (validity, n); /page/entries/entry; /page/pager; the
                  filters in force in /page/values; /page/search

  An entry of a list: id, index_no, title, doc_no, body, joint (the joint
  bodies, named), published, validity, seek (the pager's key).  Its page
  is entry.c's, {mount}e/{id}.  Named templates here begin with "cb-".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="exsl str">

  <!-- The list's filters, in the order the links write them. -->
  <xsl:variable name="cb-filter-names-rtf">
    <n>q</n><n>category</n><n>body</n><n>theme</n><n>year</n><n>genre</n><n>validity</n>
  </xsl:variable>
  <xsl:variable name="cb-filter-names" select="exsl:node-set($cb-filter-names-rtf)/n"/>
  <xsl:variable name="cb-values" select="/page/values/value"/>
  <xsl:variable name="cb-page" select="/page"/>

  <!-- ===== shared pieces ===== -->

  <xsl:template name="cb-t">
    <xsl:param name="key"/>
    <xsl:param name="n"/>
    <xsl:param name="s"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="concat('catalogue.browse.', $key)"/>
      <xsl:with-param name="n" select="$n"/>
      <xsl:with-param name="s" select="$s"/>
    </xsl:call-template>
  </xsl:template>

  <!-- "(N)" after a facet's value. -->
  <xsl:template name="cb-count">
    <xsl:param name="n"/>
    <xsl:text> </xsl:text>
    <span class="cb-count">
      <xsl:call-template name="cb-t">
        <xsl:with-param name="key" select="'count'"/>
        <xsl:with-param name="n" select="string($n)"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <!--
    The list's query string with the filters in force, filter name set to
    value (empty: taken away); never the cursor, so that a changed filter
    starts from the first page.
  -->
  <xsl:template name="cb-query">
    <xsl:param name="name" select="''"/>
    <xsl:param name="value" select="''"/>
    <xsl:variable name="s">
      <xsl:for-each select="$cb-filter-names">
        <xsl:variable name="k" select="string(.)"/>
        <xsl:variable name="v">
          <xsl:choose>
            <xsl:when test="$k = $name">
              <xsl:value-of select="$value"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$cb-values[@name = $k]"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="string($v) != ''">
          <xsl:value-of select="concat('&amp;', $k, '=', str:encode-uri(string($v), true()))"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="substring($s, 2)"/>
  </xsl:template>

  <!-- The list's URL with filter name set to value (empty: taken away). -->
  <xsl:template name="cb-href">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:variable name="q">
      <xsl:call-template name="cb-query">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="value" select="$value"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="concat($cat-mount, 'list')"/>
    <xsl:if test="string($q) != ''">
      <xsl:value-of select="concat('?', $q)"/>
    </xsl:if>
  </xsl:template>

  <!--
    One value of a facet: a link setting the filter, with its count; the
    value in force is marked (aria-current) and not a link.  On the home
    page (home = 'yes') the link is to the list with that filter alone.
  -->
  <xsl:template name="cb-facet-item">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:param name="label"/>
    <xsl:param name="n"/>
    <xsl:param name="home" select="'no'"/>
    <xsl:choose>
      <xsl:when test="$home = 'no' and string($cb-values[@name = $name]) = string($value)">
        <strong class="cb-current" aria-current="true">
          <xsl:value-of select="$label"/>
        </strong>
      </xsl:when>
      <xsl:when test="$n > 0">
        <a>
          <xsl:attribute name="href">
            <xsl:choose>
              <xsl:when test="$home = 'yes'">
                <xsl:value-of select="concat($cat-mount, 'list?', $name, '=',
                    str:encode-uri(string($value), true()))"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="cb-href">
                  <xsl:with-param name="name" select="$name"/>
                  <xsl:with-param name="value" select="$value"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:value-of select="$label"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="cb-none">
          <xsl:value-of select="$label"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="cb-count">
      <xsl:with-param name="n" select="$n"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    A tree facet (catalogue nodes, themes) as nested lists.  On the list,
    nodes without entries are left out, unless in force.
  -->
  <xsl:template name="cb-tree">
    <xsl:param name="nodes"/>
    <xsl:param name="name"/>
    <xsl:param name="home"/>
    <xsl:variable name="shown" select="$nodes[$home = 'yes' or n > 0 or
        string(id) = string($cb-values[@name = $name])]"/>
    <xsl:if test="$shown">
      <ul class="cb-tree">
        <xsl:for-each select="$shown">
          <li>
            <xsl:call-template name="cb-facet-item">
              <xsl:with-param name="name" select="$name"/>
              <xsl:with-param name="value" select="string(id)"/>
              <xsl:with-param name="label" select="string(name)"/>
              <xsl:with-param name="n" select="number(n)"/>
              <xsl:with-param name="home" select="$home"/>
            </xsl:call-template>
            <xsl:call-template name="cb-tree">
              <xsl:with-param name="nodes" select="*[local-name() = local-name(current())]"/>
              <xsl:with-param name="name" select="$name"/>
              <xsl:with-param name="home" select="$home"/>
            </xsl:call-template>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- A facet's section: its heading and its values. -->
  <xsl:template name="cb-facet">
    <xsl:param name="key"/>
    <xsl:param name="name"/>
    <xsl:param name="home" select="'no'"/>
    <section class="cb-facet" aria-labelledby="cb-facet-{$name}">
      <h2 id="cb-facet-{$name}">
        <xsl:call-template name="cb-t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="$name = 'category'">
          <xsl:call-template name="cb-tree">
            <xsl:with-param name="nodes" select="$cb-page/categories/category"/>
            <xsl:with-param name="name" select="'category'"/>
            <xsl:with-param name="home" select="$home"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$name = 'theme'">
          <xsl:call-template name="cb-tree">
            <xsl:with-param name="nodes" select="$cb-page/themes/theme"/>
            <xsl:with-param name="name" select="'theme'"/>
            <xsl:with-param name="home" select="$home"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$name = 'body'">
          <ul class="cb-values">
            <xsl:for-each select="$cb-page/bodies/body[$home = 'yes' or n > 0 or
                string(id) = string($cb-values[@name = 'body'])]">
              <li>
                <xsl:call-template name="cb-facet-item">
                  <xsl:with-param name="name" select="'body'"/>
                  <xsl:with-param name="value" select="string(id)"/>
                  <xsl:with-param name="label" select="string(name)"/>
                  <xsl:with-param name="n" select="number(n)"/>
                  <xsl:with-param name="home" select="$home"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:when test="$name = 'year'">
          <ul class="cb-values">
            <xsl:for-each select="$cb-page/years/y">
              <li>
                <xsl:call-template name="cb-facet-item">
                  <xsl:with-param name="name" select="'year'"/>
                  <xsl:with-param name="value" select="string(year)"/>
                  <xsl:with-param name="label" select="string(year)"/>
                  <xsl:with-param name="n" select="number(n)"/>
                  <xsl:with-param name="home" select="$home"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:when test="$name = 'genre'">
          <ul class="cb-values">
            <xsl:for-each select="$cb-page/genres/genre">
              <li>
                <xsl:call-template name="cb-facet-item">
                  <xsl:with-param name="name" select="'genre'"/>
                  <xsl:with-param name="value" select="string(id)"/>
                  <xsl:with-param name="label" select="string(name)"/>
                  <xsl:with-param name="n" select="number(n)"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:when test="$name = 'validity'">
          <ul class="cb-values">
            <xsl:for-each select="$cb-page/validities/v">
              <li>
                <xsl:call-template name="cb-facet-item">
                  <xsl:with-param name="name" select="'validity'"/>
                  <xsl:with-param name="value" select="string(validity)"/>
                  <xsl:with-param name="label">
                    <xsl:call-template name="t">
                      <xsl:with-param name="key" select="concat('catalogue.validity.', validity)"/>
                    </xsl:call-template>
                  </xsl:with-param>
                  <xsl:with-param name="n" select="number(n)"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- The search box: a plain GET form to the list, keeping the other filters. -->
  <xsl:template name="cb-search">
    <xsl:param name="keep" select="'no'"/>
    <form class="form filter-form cb-search" method="get" action="{$cat-mount}list"
        accept-charset="UTF-8" role="search" novalidate="novalidate">
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'q'"/>
        <xsl:with-param name="label" select="'catalogue.browse.f.q'"/>
        <xsl:with-param name="hint" select="'catalogue.browse.h.q'"/>
        <xsl:with-param name="maxlength" select="'40'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:if test="$keep = 'yes'">
        <xsl:for-each select="$cb-values[@name != 'q' and @name != 'after' and . != '']">
          <input type="hidden" name="{@name}" value="{.}"/>
        </xsl:for-each>
      </xsl:if>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'catalogue.browse.search'"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- The words of a filter's value: the facet's name for it, else the value. -->
  <xsl:template name="cb-filter-label">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:variable name="named">
      <xsl:choose>
        <xsl:when test="$name = 'category'">
          <xsl:value-of select="($cb-page/categories//category[string(id) = $value])[1]/name"/>
        </xsl:when>
        <xsl:when test="$name = 'theme'">
          <xsl:value-of select="($cb-page/themes//theme[string(id) = $value])[1]/name"/>
        </xsl:when>
        <xsl:when test="$name = 'body'">
          <xsl:value-of select="$cb-page/bodies/body[string(id) = $value]/name"/>
        </xsl:when>
        <xsl:when test="$name = 'genre'">
          <xsl:value-of select="$cb-page/genres/genre[string(id) = $value]/name"/>
        </xsl:when>
        <xsl:when test="$name = 'validity'">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="concat('catalogue.validity.', $value)"/>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($named) != ''">
        <xsl:value-of select="$named"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$value"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The filters in force, each with a link taking it away. -->
  <xsl:template name="cb-active">
    <xsl:variable name="active" select="$cb-values[@name != 'after' and . != '']"/>
    <xsl:if test="$active">
      <section class="cb-active" aria-labelledby="cb-active-heading">
        <h2 id="cb-active-heading">
          <xsl:call-template name="cb-t">
            <xsl:with-param name="key" select="'active'"/>
          </xsl:call-template>
        </h2>
        <ul>
          <xsl:for-each select="$cb-filter-names">
            <xsl:variable name="k" select="string(.)"/>
            <xsl:variable name="v" select="string($cb-values[@name = $k])"/>
            <xsl:if test="$v != ''">
              <li>
                <span class="cb-active-name">
                  <xsl:call-template name="cb-t">
                    <xsl:with-param name="key" select="concat('filter.', $k)"/>
                  </xsl:call-template>
                </span>
                <xsl:text> </xsl:text>
                <xsl:variable name="label">
                  <xsl:call-template name="cb-filter-label">
                    <xsl:with-param name="name" select="$k"/>
                    <xsl:with-param name="value" select="$v"/>
                  </xsl:call-template>
                </xsl:variable>
                <strong>
                  <xsl:value-of select="$label"/>
                </strong>
                <xsl:text> </xsl:text>
                <a class="cb-remove">
                  <xsl:attribute name="href">
                    <xsl:call-template name="cb-href">
                      <xsl:with-param name="name" select="$k"/>
                      <xsl:with-param name="value" select="''"/>
                    </xsl:call-template>
                  </xsl:attribute>
                  <xsl:call-template name="cb-t">
                    <xsl:with-param name="key" select="'remove'"/>
                    <xsl:with-param name="s" select="string($label)"/>
                  </xsl:call-template>
                </a>
              </li>
            </xsl:if>
          </xsl:for-each>
        </ul>
        <p>
          <a href="{$cat-mount}list">
            <xsl:call-template name="cb-t">
              <xsl:with-param name="key" select="'remove-all'"/>
            </xsl:call-template>
          </a>
        </p>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Entries as a list: title (to the entry's page), numbers, body, date, validity. -->
  <xsl:template name="cb-entries">
    <xsl:param name="entries"/>
    <ul class="item-list cb-entries">
      <xsl:for-each select="$entries">
        <li>
          <a class="item-title" href="{$cat-mount}e/{id}">
            <xsl:value-of select="title"/>
          </a>
          <xsl:if test="validity != 'valid'">
            <xsl:text> </xsl:text>
            <span class="tag cb-validity cb-validity-{validity}">
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="concat('catalogue.validity.', validity)"/>
              </xsl:call-template>
            </span>
          </xsl:if>
          <dl class="meta cb-meta">
            <div>
              <dt>
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'catalogue.f.index_no'"/>
                </xsl:call-template>
              </dt>
              <dd>
                <xsl:value-of select="index_no"/>
              </dd>
            </div>
            <xsl:if test="doc_no">
              <div>
                <dt>
                  <xsl:call-template name="t">
                    <xsl:with-param name="key" select="'catalogue.f.doc_no'"/>
                  </xsl:call-template>
                </dt>
                <dd>
                  <xsl:value-of select="doc_no"/>
                </dd>
              </div>
            </xsl:if>
            <div>
              <dt>
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'catalogue.f.body'"/>
                </xsl:call-template>
              </dt>
              <dd>
                <xsl:value-of select="body"/>
                <xsl:if test="joint">
                  <xsl:text>、</xsl:text>
                  <xsl:value-of select="joint"/>
                </xsl:if>
              </dd>
            </div>
            <div>
              <dt>
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'catalogue.f.published_at'"/>
                </xsl:call-template>
              </dt>
              <dd>
                <xsl:call-template name="cat-date">
                  <xsl:with-param name="d" select="published"/>
                </xsl:call-template>
              </dd>
            </div>
          </dl>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- ===== browse-home ===== -->

  <xsl:template match="page[@view = 'browse-home']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'catalogue.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'browse-home']" mode="content">
    <xsl:call-template name="cat-staff-menu"/>
    <h1>
      <xsl:apply-templates select="." mode="title"/>
    </h1>
    <p class="lead">
      <xsl:call-template name="cb-t">
        <xsl:with-param name="key" select="'intro'"/>
      </xsl:call-template>
    </p>
    <xsl:call-template name="cb-search"/>
    <div class="cb-home">
      <xsl:call-template name="cb-facet">
        <xsl:with-param name="key" select="'by-category'"/>
        <xsl:with-param name="name" select="'category'"/>
        <xsl:with-param name="home" select="'yes'"/>
      </xsl:call-template>
      <xsl:call-template name="cb-facet">
        <xsl:with-param name="key" select="'by-body'"/>
        <xsl:with-param name="name" select="'body'"/>
        <xsl:with-param name="home" select="'yes'"/>
      </xsl:call-template>
      <xsl:call-template name="cb-facet">
        <xsl:with-param name="key" select="'by-theme'"/>
        <xsl:with-param name="name" select="'theme'"/>
        <xsl:with-param name="home" select="'yes'"/>
      </xsl:call-template>
      <xsl:call-template name="cb-facet">
        <xsl:with-param name="key" select="'by-year'"/>
        <xsl:with-param name="name" select="'year'"/>
        <xsl:with-param name="home" select="'yes'"/>
      </xsl:call-template>
    </div>
    <section aria-labelledby="cb-newest-heading">
      <h2 id="cb-newest-heading">
        <xsl:call-template name="cb-t">
          <xsl:with-param name="key" select="'newest'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="entries/entry">
          <xsl:call-template name="cb-entries">
            <xsl:with-param name="entries" select="entries/entry"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">
            <xsl:call-template name="cb-t">
              <xsl:with-param name="key" select="'empty'"/>
            </xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
      <p>
        <a href="{$cat-mount}list">
          <xsl:call-template name="cb-t">
            <xsl:with-param name="key" select="'all'"/>
          </xsl:call-template>
        </a>
      </p>
    </section>
  </xsl:template>

  <!-- ===== browse-list ===== -->

  <xsl:template match="page[@view = 'browse-list']" mode="title">
    <xsl:call-template name="cb-t">
      <xsl:with-param name="key" select="'list-title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'browse-list']" mode="content">
    <xsl:variable name="query">
      <xsl:call-template name="cb-query"/>
    </xsl:variable>
    <p class="cb-back">
      <a href="{$cat-mount}">
        <xsl:call-template name="cb-t">
          <xsl:with-param name="key" select="'back-home'"/>
        </xsl:call-template>
      </a>
    </p>
    <h1>
      <xsl:apply-templates select="." mode="title"/>
    </h1>
    <xsl:call-template name="cb-search">
      <xsl:with-param name="keep" select="'yes'"/>
    </xsl:call-template>
    <xsl:call-template name="cb-active"/>
    <div class="cb-layout">
      <section class="list-section cb-results" aria-labelledby="cb-list-heading">
        <h2 id="cb-list-heading">
          <xsl:choose>
            <xsl:when test="search">
              <xsl:call-template name="cb-t">
                <xsl:with-param name="key" select="'results'"/>
                <xsl:with-param name="s" select="string(search/@q)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:when test="string($query) != ''">
              <xsl:call-template name="cb-t">
                <xsl:with-param name="key" select="'list-filtered'"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="cb-t">
                <xsl:with-param name="key" select="'list'"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </h2>
        <xsl:choose>
          <xsl:when test="entries/entry">
            <xsl:call-template name="cb-entries">
              <xsl:with-param name="entries" select="entries/entry"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty">
              <xsl:call-template name="cb-t">
                <xsl:with-param name="key">
                  <xsl:choose>
                    <xsl:when test="search/@grams = '0'">empty-nogram</xsl:when>
                    <xsl:when test="pager/@after">empty-past</xsl:when>
                    <xsl:otherwise>empty-filter</xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:call-template>
            </p>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="pager">
          <xsl:with-param name="query" select="string($query)"/>
        </xsl:call-template>
      </section>
      <nav class="cb-facets">
        <xsl:attribute name="aria-label">
          <xsl:call-template name="cb-t">
            <xsl:with-param name="key" select="'facets'"/>
          </xsl:call-template>
        </xsl:attribute>
        <xsl:call-template name="cb-facet">
          <xsl:with-param name="key" select="'by-category'"/>
          <xsl:with-param name="name" select="'category'"/>
        </xsl:call-template>
        <xsl:call-template name="cb-facet">
          <xsl:with-param name="key" select="'by-body'"/>
          <xsl:with-param name="name" select="'body'"/>
        </xsl:call-template>
        <xsl:call-template name="cb-facet">
          <xsl:with-param name="key" select="'by-theme'"/>
          <xsl:with-param name="name" select="'theme'"/>
        </xsl:call-template>
        <xsl:call-template name="cb-facet">
          <xsl:with-param name="key" select="'by-year'"/>
          <xsl:with-param name="name" select="'year'"/>
        </xsl:call-template>
        <xsl:call-template name="cb-facet">
          <xsl:with-param name="key" select="'by-genre'"/>
          <xsl:with-param name="name" select="'genre'"/>
        </xsl:call-template>
        <xsl:call-template name="cb-facet">
          <xsl:with-param name="key" select="'by-validity'"/>
          <xsl:with-param name="name" select="'validity'"/>
        </xsl:call-template>
      </nav>
    </div>
  </xsl:template>

</xsl:stylesheet>
