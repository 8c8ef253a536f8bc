<?xml version="1.0" encoding="UTF-8"?>
<!--
  prereview-guide.xsl: included by prereview.xsl.  The public service
  guide (办事指南, modules/prereview/guide.c), for everyone.  Views
  (/page/@view; xslt/schema/prereview-guide.rng has them exactly):

    guide-home    GET /prereview/
                  /page/audiences/audience (audience, n), /page/departments/
                  department (id, name, n), /page/themes/theme (id, name,
                  audience, n), /page/online/item (code, name, department,
                  promised_days): the items taking applications online
    guide-items   GET /prereview/items?dept=&audience=&theme=&q=&after=
                  /page/items/item (id, code, name, kind, department,
                  audience, online, promised_days, visits, nsub, and
                  subitems/item when it has sub-items); /page/pager; the
                  filters in force in /page/values; their choices in
                  /page/departments and /page/themes; /page/search/@q|@grams
    guide-item    GET /prereview/item/{code}
                  /page/item (the item, its department's phone and
                  address, steps/step a line of its process), /page/
                  materials/material, /page/reviewers/department (several:
                  a parallel review), /page/subitems/item

  The item page prints as the hall's paper guide: civic.css's print rules
  (the "prereview guide" section) leave out navigation and forms.  The
  application form (/item/{code}/apply) is apply.c's.  Named templates
  here begin with "prg-".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="exsl str">

  <!-- ===== shared pieces ===== -->

  <xsl:template name="prg-t">
    <xsl:param name="key"/>
    <xsl:param name="n"/>
    <xsl:param name="s"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="concat('prereview.guide.', $key)"/>
      <xsl:with-param name="n" select="$n"/>
      <xsl:with-param name="s" select="$s"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="prg-audience">
    <xsl:param name="audience"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="concat('prereview.audience.', $audience)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- "N 个工作日" -->
  <xsl:template name="prg-days">
    <xsl:param name="n"/>
    <xsl:call-template name="prg-t">
      <xsl:with-param name="key" select="'working-days'"/>
      <xsl:with-param name="n" select="string($n)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The search box: a plain GET form to the list, without JavaScript. -->
  <xsl:template name="prg-search">
    <form class="form filter-form prg-search" method="get" action="{$pr-mount}items"
        accept-charset="UTF-8" role="search" novalidate="novalidate">
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'q'"/>
        <xsl:with-param name="label" select="'prereview.guide.f.q'"/>
        <xsl:with-param name="hint" select="'prereview.guide.h.q'"/>
        <xsl:with-param name="maxlength" select="'40'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'prereview.guide.search'"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- The filters in force as a query string, for the pager's links. -->
  <xsl:template name="prg-query">
    <xsl:for-each select="/page/values/value[(@name = 'q' or @name = 'dept'
        or @name = 'audience' or @name = 'theme') and . != '']">
      <xsl:if test="position() > 1">&amp;</xsl:if>
      <xsl:value-of select="concat(@name, '=', str:encode-uri(string(.), true()))"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The tags of an item in a list: its kind, online pre-review. -->
  <xsl:template name="prg-tags">
    <xsl:param name="item"/>
    <span class="tag">
      <xsl:value-of select="$item/kind"/>
    </span>
    <xsl:if test="$item/online = '1' and not($item/nsub > 0)">
      <span class="tag prg-online">
        <xsl:call-template name="prg-t">
          <xsl:with-param name="key" select="'online'"/>
        </xsl:call-template>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- The line under an item of a list: code, promised limit, visits. -->
  <xsl:template name="prg-item-meta">
    <xsl:param name="item"/>
    <p class="meta">
      <xsl:call-template name="prg-tags">
        <xsl:with-param name="item" select="$item"/>
      </xsl:call-template>
      <xsl:value-of select="$item/code"/>
      <xsl:if test="$item/department">
        <xsl:text> · </xsl:text>
        <xsl:value-of select="$item/department"/>
      </xsl:if>
      <xsl:text> · </xsl:text>
      <xsl:call-template name="prg-t">
        <xsl:with-param name="key" select="'promised-short'"/>
        <xsl:with-param name="n" select="string($item/promised_days)"/>
      </xsl:call-template>
      <xsl:if test="$item/visits">
        <xsl:text> · </xsl:text>
        <xsl:call-template name="prg-t">
          <xsl:with-param name="key"
              select="concat('visits.', substring('0n', 1 + number(string($item/visits) != '0'), 1))"/>
          <xsl:with-param name="n" select="string($item/visits)"/>
        </xsl:call-template>
      </xsl:if>
    </p>
  </xsl:template>

  <!-- Sub-items as a nested list of links. -->
  <xsl:template name="prg-subitems">
    <xsl:param name="items"/>
    <xsl:if test="$items">
      <ul class="item-list prg-subitems">
        <xsl:for-each select="$items">
          <li>
            <a class="item-title" href="{$pr-mount}item/{code}">
              <xsl:value-of select="name"/>
            </a>
            <xsl:call-template name="prg-item-meta">
              <xsl:with-param name="item" select="."/>
            </xsl:call-template>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- ===== guide-home ===== -->

  <xsl:template match="page[@view = 'guide-home']" mode="title">
    <xsl:call-template name="prg-t">
      <xsl:with-param name="key" select="'title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'guide-home']" mode="content">
    <xsl:call-template name="pr-staff-menu"/>
    <h1>
      <xsl:apply-templates select="." mode="title"/>
    </h1>
    <p class="lead">
      <xsl:call-template name="prg-t">
        <xsl:with-param name="key" select="'intro'"/>
      </xsl:call-template>
    </p>
    <xsl:call-template name="prg-search"/>

    <section aria-labelledby="prg-audience-heading">
      <h2 id="prg-audience-heading">
        <xsl:call-template name="prg-t">
          <xsl:with-param name="key" select="'by-audience'"/>
        </xsl:call-template>
      </h2>
      <ul class="menu-list prg-audiences">
        <xsl:for-each select="audiences/audience">
          <li>
            <a href="{$pr-mount}items?audience={audience}">
              <xsl:call-template name="prg-audience">
                <xsl:with-param name="audience" select="string(audience)"/>
              </xsl:call-template>
              <xsl:text> </xsl:text>
              <span class="prg-count">
                <xsl:call-template name="prg-t">
                  <xsl:with-param name="key" select="'count'"/>
                  <xsl:with-param name="n" select="string(n)"/>
                </xsl:call-template>
              </span>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </section>

    <section aria-labelledby="prg-dept-heading">
      <h2 id="prg-dept-heading">
        <xsl:call-template name="prg-t">
          <xsl:with-param name="key" select="'by-department'"/>
        </xsl:call-template>
      </h2>
      <ul class="prg-grid">
        <xsl:for-each select="departments/department">
          <li>
            <a href="{$pr-mount}items?dept={id}">
              <xsl:value-of select="name"/>
            </a>
            <xsl:text> </xsl:text>
            <span class="prg-count">
              <xsl:call-template name="prg-t">
                <xsl:with-param name="key" select="'count'"/>
                <xsl:with-param name="n" select="string(n)"/>
              </xsl:call-template>
            </span>
          </li>
        </xsl:for-each>
      </ul>
    </section>

    <section aria-labelledby="prg-theme-heading">
      <h2 id="prg-theme-heading">
        <xsl:call-template name="prg-t">
          <xsl:with-param name="key" select="'by-theme'"/>
        </xsl:call-template>
      </h2>
      <xsl:for-each select="audiences/audience">
        <xsl:variable name="a" select="string(audience)"/>
        <xsl:variable name="themes" select="/page/themes/theme[audience = $a]"/>
        <xsl:if test="$themes">
          <h3>
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key" select="concat('themes.', $a)"/>
            </xsl:call-template>
          </h3>
          <ul class="prg-grid">
            <xsl:for-each select="$themes">
              <li>
                <xsl:choose>
                  <xsl:when test="n > 0">
                    <a href="{$pr-mount}items?theme={id}">
                      <xsl:value-of select="name"/>
                    </a>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:value-of select="name"/>
                  </xsl:otherwise>
                </xsl:choose>
                <xsl:text> </xsl:text>
                <span class="prg-count">
                  <xsl:call-template name="prg-t">
                    <xsl:with-param name="key" select="'count'"/>
                    <xsl:with-param name="n" select="string(n)"/>
                  </xsl:call-template>
                </span>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:if>
      </xsl:for-each>
    </section>

    <section aria-labelledby="prg-online-heading">
      <h2 id="prg-online-heading">
        <xsl:call-template name="prg-t">
          <xsl:with-param name="key" select="'online-items'"/>
        </xsl:call-template>
      </h2>
      <p>
        <xsl:call-template name="prg-t">
          <xsl:with-param name="key" select="'online-intro'"/>
        </xsl:call-template>
      </p>
      <xsl:choose>
        <xsl:when test="online/item">
          <ul class="item-list">
            <xsl:for-each select="online/item">
              <li>
                <a class="item-title" href="{$pr-mount}item/{code}">
                  <xsl:value-of select="name"/>
                </a>
                <p class="meta">
                  <xsl:value-of select="code"/>
                  <xsl:text> · </xsl:text>
                  <xsl:value-of select="department"/>
                  <xsl:text> · </xsl:text>
                  <xsl:call-template name="prg-t">
                    <xsl:with-param name="key" select="'promised-short'"/>
                    <xsl:with-param name="n" select="string(promised_days)"/>
                  </xsl:call-template>
                </p>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key" select="'online-none'"/>
            </xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
      <p>
        <a href="{$pr-mount}items">
          <xsl:call-template name="prg-t">
            <xsl:with-param name="key" select="'all-items'"/>
          </xsl:call-template>
        </a>
      </p>
    </section>
  </xsl:template>

  <!-- ===== guide-items ===== -->

  <xsl:template match="page[@view = 'guide-items']" mode="title">
    <xsl:call-template name="prg-t">
      <xsl:with-param name="key" select="'list-title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'guide-items']" mode="content">
    <xsl:variable name="query">
      <xsl:call-template name="prg-query"/>
    </xsl:variable>
    <xsl:variable name="departments">
      <xsl:for-each select="departments/department">
        <o value="{id}"><xsl:value-of select="name"/></o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="themes">
      <xsl:for-each select="themes/theme">
        <o value="{id}"><xsl:value-of select="name"/></o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="audiences">
      <o value="person">
        <xsl:call-template name="prg-audience">
          <xsl:with-param name="audience" select="'person'"/>
        </xsl:call-template>
      </o>
      <o value="enterprise">
        <xsl:call-template name="prg-audience">
          <xsl:with-param name="audience" select="'enterprise'"/>
        </xsl:call-template>
      </o>
    </xsl:variable>

    <p class="prg-back">
      <a href="{$pr-mount}">
        <xsl:call-template name="prg-t">
          <xsl:with-param name="key" select="'back-home'"/>
        </xsl:call-template>
      </a>
    </p>
    <h1>
      <xsl:apply-templates select="." mode="title"/>
    </h1>

    <form class="form filter-form" method="get" action="{$pr-mount}items" accept-charset="UTF-8"
        role="search" novalidate="novalidate">
      <fieldset>
        <legend>
          <xsl:call-template name="prg-t">
            <xsl:with-param name="key" select="'filter'"/>
          </xsl:call-template>
        </legend>
        <div class="filter-fields">
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'q'"/>
            <xsl:with-param name="label" select="'prereview.guide.f.q'"/>
            <xsl:with-param name="hint" select="'prereview.guide.h.q'"/>
            <xsl:with-param name="maxlength" select="'40'"/>
            <xsl:with-param name="autocomplete" select="'off'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'audience'"/>
            <xsl:with-param name="label" select="'prereview.guide.f.audience'"/>
            <xsl:with-param name="type" select="'select'"/>
            <xsl:with-param name="options" select="exsl:node-set($audiences)/o"/>
            <xsl:with-param name="empty-label" select="'prereview.guide.all'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'dept'"/>
            <xsl:with-param name="label" select="'prereview.guide.f.dept'"/>
            <xsl:with-param name="type" select="'select'"/>
            <xsl:with-param name="options" select="exsl:node-set($departments)/o"/>
            <xsl:with-param name="empty-label" select="'prereview.guide.all'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'theme'"/>
            <xsl:with-param name="label" select="'prereview.guide.f.theme'"/>
            <xsl:with-param name="type" select="'select'"/>
            <xsl:with-param name="options" select="exsl:node-set($themes)/o"/>
            <xsl:with-param name="empty-label" select="'prereview.guide.all'"/>
          </xsl:call-template>
        </div>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'prereview.guide.search'"/>
        </xsl:call-template>
      </fieldset>
    </form>

    <section class="list-section" aria-labelledby="prg-list-heading">
      <h2 id="prg-list-heading">
        <xsl:choose>
          <xsl:when test="search">
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key" select="'results'"/>
              <xsl:with-param name="s" select="string(search/@q)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="string($query) != ''">
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key" select="'list-filtered'"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key" select="'list'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </h2>
      <xsl:choose>
        <xsl:when test="items/item">
          <ul class="item-list">
            <xsl:for-each select="items/item">
              <li>
                <a class="item-title" href="{$pr-mount}item/{code}">
                  <xsl:value-of select="name"/>
                </a>
                <xsl:call-template name="prg-item-meta">
                  <xsl:with-param name="item" select="."/>
                </xsl:call-template>
                <xsl:call-template name="prg-subitems">
                  <xsl:with-param name="items" select="subitems/item"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key">
                <xsl:choose>
                  <xsl:when test="search/@grams = '0'">empty-nogram</xsl:when>
                  <xsl:when test="search">empty-search</xsl:when>
                  <xsl:otherwise>empty</xsl:otherwise>
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

  <!-- ===== guide-item ===== -->

  <xsl:template match="page[@view = 'guide-item']" mode="title">
    <xsl:value-of select="item/name"/>
  </xsl:template>

  <!-- A label and its value in the item's facts; nothing when the value is empty. -->
  <xsl:template name="prg-fact">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value) != ''">
      <div>
        <dt>
          <xsl:call-template name="prg-t">
            <xsl:with-param name="key" select="$key"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:value-of select="$value"/>
        </dd>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="page[@view = 'guide-item']" mode="content">
    <xsl:variable name="i" select="item"/>
    <xsl:variable name="takes" select="$i/online = '1' and not(subitems/item)"/>
    <article class="prg-item">
      <p class="prg-back">
        <a href="{$pr-mount}">
          <xsl:call-template name="prg-t">
            <xsl:with-param name="key" select="'back-home'"/>
          </xsl:call-template>
        </a>
        <xsl:if test="$i/parent_code">
          <xsl:text> › </xsl:text>
          <a href="{$pr-mount}item/{$i/parent_code}">
            <xsl:value-of select="$i/parent_name"/>
          </a>
        </xsl:if>
      </p>
      <h1>
        <xsl:value-of select="$i/name"/>
      </h1>
      <dl class="meta-list">
        <xsl:call-template name="prg-fact">
          <xsl:with-param name="key" select="'code'"/>
          <xsl:with-param name="value" select="$i/code"/>
        </xsl:call-template>
        <xsl:call-template name="prg-fact">
          <xsl:with-param name="key" select="'kind'"/>
          <xsl:with-param name="value" select="$i/kind"/>
        </xsl:call-template>
        <xsl:call-template name="prg-fact">
          <xsl:with-param name="key" select="'department'"/>
          <xsl:with-param name="value" select="$i/department"/>
        </xsl:call-template>
        <div>
          <dt>
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key" select="'audience'"/>
            </xsl:call-template>
          </dt>
          <dd>
            <xsl:call-template name="prg-audience">
              <xsl:with-param name="audience" select="string($i/audience)"/>
            </xsl:call-template>
          </dd>
        </div>
        <xsl:call-template name="prg-fact">
          <xsl:with-param name="key" select="'theme'"/>
          <xsl:with-param name="value" select="$i/theme"/>
        </xsl:call-template>
        <xsl:call-template name="prg-fact">
          <xsl:with-param name="key" select="'licence'"/>
          <xsl:with-param name="value" select="$i/licence"/>
        </xsl:call-template>
      </dl>

      <xsl:if test="$takes">
        <div class="prg-apply">
          <p>
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key" select="'apply-intro'"/>
            </xsl:call-template>
          </p>
          <a class="button" href="{$pr-mount}item/{$i/code}/apply">
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key" select="'apply'"/>
            </xsl:call-template>
          </a>
        </div>
      </xsl:if>

      <xsl:if test="subitems/item">
        <section aria-labelledby="prg-sub-heading">
          <h2 id="prg-sub-heading">
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key" select="'subitems'"/>
            </xsl:call-template>
          </h2>
          <xsl:call-template name="prg-subitems">
            <xsl:with-param name="items" select="subitems/item"/>
          </xsl:call-template>
        </section>
      </xsl:if>

      <xsl:if test="normalize-space($i/conditions) != ''">
        <section aria-labelledby="prg-cond-heading">
          <h2 id="prg-cond-heading">
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key" select="'conditions'"/>
            </xsl:call-template>
          </h2>
          <p class="text-body">
            <xsl:value-of select="$i/conditions"/>
          </p>
        </section>
      </xsl:if>

      <section aria-labelledby="prg-mat-heading">
        <h2 id="prg-mat-heading">
          <xsl:call-template name="prg-t">
            <xsl:with-param name="key" select="'materials'"/>
          </xsl:call-template>
        </h2>
        <xsl:choose>
          <xsl:when test="materials/material">
            <div class="table-wrap" role="region" tabindex="0" aria-labelledby="prg-mat-heading">
              <table class="data-table prg-materials">
                <thead>
                  <tr>
                    <th scope="col">
                      <xsl:call-template name="prg-t">
                        <xsl:with-param name="key" select="'m.seq'"/>
                      </xsl:call-template>
                    </th>
                    <th scope="col">
                      <xsl:call-template name="prg-t">
                        <xsl:with-param name="key" select="'m.name'"/>
                      </xsl:call-template>
                    </th>
                    <th scope="col">
                      <xsl:call-template name="prg-t">
                        <xsl:with-param name="key" select="'m.form'"/>
                      </xsl:call-template>
                    </th>
                    <th scope="col">
                      <xsl:call-template name="prg-t">
                        <xsl:with-param name="key" select="'m.copies'"/>
                      </xsl:call-template>
                    </th>
                    <th scope="col">
                      <xsl:call-template name="prg-t">
                        <xsl:with-param name="key" select="'m.need'"/>
                      </xsl:call-template>
                    </th>
                    <th scope="col">
                      <xsl:call-template name="prg-t">
                        <xsl:with-param name="key" select="'m.note'"/>
                      </xsl:call-template>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="materials/material">
                    <tr>
                      <td>
                        <xsl:value-of select="seq"/>
                      </td>
                      <th scope="row">
                        <xsl:value-of select="name"/>
                      </th>
                      <td>
                        <xsl:call-template name="prg-t">
                          <xsl:with-param name="key" select="concat('form.', form)"/>
                        </xsl:call-template>
                      </td>
                      <td>
                        <xsl:value-of select="copies"/>
                      </td>
                      <td>
                        <xsl:call-template name="prg-t">
                          <xsl:with-param name="key" select="concat('need.', need)"/>
                        </xsl:call-template>
                        <xsl:if test="need = 'conditional'">
                          <xsl:if test="cond">
                            <br/>
                            <xsl:value-of select="cond"/>
                          </xsl:if>
                          <xsl:if test="cond_label">
                            <br/>
                            <span class="meta">
                              <xsl:call-template name="prg-t">
                                <xsl:with-param name="key" select="'when'"/>
                                <xsl:with-param name="s" select="string(cond_label)"/>
                                <xsl:with-param name="n" select="string(cond_value)"/>
                              </xsl:call-template>
                            </span>
                          </xsl:if>
                        </xsl:if>
                      </td>
                      <td>
                        <xsl:value-of select="note"/>
                        <xsl:if test="blank = '1'">
                          <xsl:if test="note">
                            <br/>
                          </xsl:if>
                          <a class="prg-blank" href="{$pr-mount}item/{$i/code}/form/{seq}">
                            <xsl:call-template name="prg-t">
                              <xsl:with-param name="key" select="'blank'"/>
                            </xsl:call-template>
                          </a>
                        </xsl:if>
                      </td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <p class="empty">
              <xsl:call-template name="prg-t">
                <xsl:with-param name="key" select="'no-materials'"/>
              </xsl:call-template>
            </p>
          </xsl:otherwise>
        </xsl:choose>
      </section>

      <xsl:if test="$i/steps/step">
        <section aria-labelledby="prg-steps-heading">
          <h2 id="prg-steps-heading">
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key" select="'process'"/>
            </xsl:call-template>
          </h2>
          <ol class="prg-steps">
            <xsl:for-each select="$i/steps/step">
              <li>
                <xsl:value-of select="."/>
              </li>
            </xsl:for-each>
          </ol>
        </section>
      </xsl:if>

      <section aria-labelledby="prg-time-heading">
        <h2 id="prg-time-heading">
          <xsl:call-template name="prg-t">
            <xsl:with-param name="key" select="'how'"/>
          </xsl:call-template>
        </h2>
        <dl class="prg-facts">
          <div>
            <dt>
              <xsl:call-template name="prg-t">
                <xsl:with-param name="key" select="'legal-days'"/>
              </xsl:call-template>
            </dt>
            <dd>
              <xsl:call-template name="prg-days">
                <xsl:with-param name="n" select="$i/legal_days"/>
              </xsl:call-template>
            </dd>
          </div>
          <div>
            <dt>
              <xsl:call-template name="prg-t">
                <xsl:with-param name="key" select="'promised-days'"/>
              </xsl:call-template>
            </dt>
            <dd>
              <xsl:call-template name="prg-days">
                <xsl:with-param name="n" select="$i/promised_days"/>
              </xsl:call-template>
            </dd>
          </div>
          <div>
            <dt>
              <xsl:call-template name="prg-t">
                <xsl:with-param name="key" select="'visits'"/>
              </xsl:call-template>
            </dt>
            <dd>
              <xsl:call-template name="prg-t">
                <xsl:with-param name="key"
                    select="concat('visits.', substring('0n', 1 + number(string($i/visits) != '0'), 1))"/>
                <xsl:with-param name="n" select="string($i/visits)"/>
              </xsl:call-template>
            </dd>
          </div>
          <div>
            <dt>
              <xsl:call-template name="prg-t">
                <xsl:with-param name="key" select="'online-q'"/>
              </xsl:call-template>
            </dt>
            <dd>
              <xsl:call-template name="prg-t">
                <xsl:with-param name="key" select="concat('online.', $i/online)"/>
              </xsl:call-template>
            </dd>
          </div>
          <xsl:call-template name="prg-fact">
            <xsl:with-param name="key" select="'fees'"/>
            <xsl:with-param name="value" select="$i/fees"/>
          </xsl:call-template>
          <xsl:call-template name="prg-fact">
            <xsl:with-param name="key" select="'place'"/>
            <xsl:with-param name="value" select="$i/place"/>
          </xsl:call-template>
          <xsl:call-template name="prg-fact">
            <xsl:with-param name="key" select="'hours'"/>
            <xsl:with-param name="value" select="$i/hours"/>
          </xsl:call-template>
          <xsl:call-template name="prg-fact">
            <xsl:with-param name="key" select="'phone'"/>
            <xsl:with-param name="value" select="$i/phone"/>
          </xsl:call-template>
          <xsl:call-template name="prg-fact">
            <xsl:with-param name="key" select="'dept-phone'"/>
            <xsl:with-param name="value" select="$i/department_phone"/>
          </xsl:call-template>
          <xsl:call-template name="prg-fact">
            <xsl:with-param name="key" select="'dept-address'"/>
            <xsl:with-param name="value" select="$i/department_address"/>
          </xsl:call-template>
        </dl>
      </section>

      <xsl:if test="count(reviewers/department) > 1">
        <section aria-labelledby="prg-parallel-heading">
          <h2 id="prg-parallel-heading">
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key" select="'parallel'"/>
            </xsl:call-template>
          </h2>
          <p>
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key" select="'parallel-intro'"/>
            </xsl:call-template>
          </p>
          <ul>
            <xsl:for-each select="reviewers/department">
              <li>
                <xsl:value-of select="name"/>
                <xsl:text> · </xsl:text>
                <xsl:call-template name="prg-days">
                  <xsl:with-param name="n" select="days"/>
                </xsl:call-template>
              </li>
            </xsl:for-each>
          </ul>
        </section>
      </xsl:if>

      <xsl:if test="normalize-space($i/legal_basis) != ''">
        <section aria-labelledby="prg-basis-heading">
          <h2 id="prg-basis-heading">
            <xsl:call-template name="prg-t">
              <xsl:with-param name="key" select="'legal-basis'"/>
            </xsl:call-template>
          </h2>
          <p class="text-body">
            <xsl:value-of select="$i/legal_basis"/>
          </p>
        </section>
      </xsl:if>

      <p class="meta">
        <xsl:call-template name="prg-t">
          <xsl:with-param name="key" select="'updated'"/>
          <xsl:with-param name="s" select="string($i/updated)"/>
          <xsl:with-param name="n" select="string($i/version)"/>
        </xsl:call-template>
      </p>
    </article>
  </xsl:template>

</xsl:stylesheet>
