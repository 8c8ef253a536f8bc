<?xml version="1.0" encoding="UTF-8"?>
<!--
  evaluate-results.xsl: included by evaluate.xsl.  The home page, the
  public results and supervision (modules/evaluate/results.c,
  supervise.c).  Views (/page/@view):

    home               GET /               /page/campaigns/campaign (id, title,
                                           intro, starts_on, ends_on, departments
                                           "A、B"): the campaigns open today
    results            GET /results        /page/values (from, to), /page/results
                                           (@from, @to, @min) with departments/
                                           department (id, name, n, rate, lo, hi,
                                           enough: rate, lo and hi absent below
                                           @min), items/item (item, n, rate, lo, hi,
                                           enough), rectification/department (id,
                                           name, bad, rectified, on_time, excluded,
                                           open), rectified/case (department, date,
                                           summary)
    supervise          GET /supervise      /page/values (by, from, to), /page/figures
                                           (@by, @from, @to, @min) with row (id,
                                           name, n, r5 … r1, good, bad, bad_rate,
                                           cases, closed, on_time, on_time_rate,
                                           rate, lo, hi, enough)
    supervise-ratings  GET /supervise/ratings  /page/values (department, kind, level,
                                           excluded, from, to), /page/departments/
                                           department (id, name), /page/ratings/rating
                                           (id, kind, department, staff_no, campaign,
                                           case_no, item, level, the indicators,
                                           reason, comment, rated, excluded,
                                           excluded_reason, case_state), /page/pager

  The public table is in the departments' order and never ranked; below
  the minimum it says so with the number of ratings and shows no rate.
  The supervisors' ranking puts such rows last, marked.  The chart is SVG
  drawn from the same XML as the tables, with a title, a description and
  text labels (no script), as mailbox-supervise.xsl's.

  Named templates here begin with "er-".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="exsl str">

  <!-- ===== shared pieces ===== -->

  <xsl:template name="eres-t">
    <xsl:param name="key"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="$key"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="eres-th">
    <xsl:param name="key"/>
    <th scope="col">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
    </th>
  </xsl:template>

  <xsl:template name="eres-heading">
    <h1>
      <xsl:apply-templates select="/page" mode="title"/>
    </h1>
  </xsl:template>

  <!-- "2025-11-25 至 2026-11-24" -->
  <xsl:template name="eres-period">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'evaluate.results.period'"/>
      <xsl:with-param name="min" select="string($from)"/>
      <xsl:with-param name="max" select="string($to)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A satisfaction rate and its interval, or the minimum's notice. -->
  <xsl:template name="eres-interval">
    <xsl:param name="r"/>
    <xsl:choose>
      <xsl:when test="string($r/lo) != ''">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'evaluate.results.interval'"/>
          <xsl:with-param name="min" select="string($r/lo)"/>
          <xsl:with-param name="max" select="string($r/hi)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The period's form: from and to, and the action's own fields. -->
  <xsl:template name="eres-period-form">
    <xsl:param name="action"/>
    <xsl:param name="label"/>
    <xsl:param name="by" select="/.."/>
    <form class="form filter-form" method="get" action="{$eval-mount}{$action}"
        accept-charset="UTF-8">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="$label"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:if test="$by">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'by'"/>
          <xsl:with-param name="label" select="'evaluate.supervise.f.by'"/>
          <xsl:with-param name="type" select="'select'"/>
          <xsl:with-param name="options" select="$by"/>
          <xsl:with-param name="required" select="'yes'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'from'"/>
        <xsl:with-param name="label" select="'evaluate.results.f.from'"/>
        <xsl:with-param name="type" select="'date'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'to'"/>
        <xsl:with-param name="label" select="'evaluate.results.f.to'"/>
        <xsl:with-param name="type" select="'date'"/>
      </xsl:call-template>
      <div class="actions">
        <button type="submit" class="button">
          <xsl:call-template name="eres-t">
            <xsl:with-param name="key" select="'evaluate.results.f.submit'"/>
          </xsl:call-template>
        </button>
      </div>
    </form>
  </xsl:template>

  <!-- ===== home ===== -->

  <xsl:template match="page[@view = 'home']" mode="title">
    <xsl:call-template name="eres-t">
      <xsl:with-param name="key" select="'evaluate.home.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'home']" mode="content">
    <xsl:call-template name="eres-heading"/>
    <xsl:call-template name="eval-staff-menu"/>
    <p class="lead">
      <xsl:call-template name="eres-t">
        <xsl:with-param name="key" select="'evaluate.home.intro'"/>
      </xsl:call-template>
    </p>

    <section aria-labelledby="er-case-heading">
      <h2 id="er-case-heading">
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="'evaluate.home.case'"/>
        </xsl:call-template>
      </h2>
      <p>
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="'evaluate.home.case.how'"/>
        </xsl:call-template>
      </p>
    </section>

    <section aria-labelledby="er-clerk-heading">
      <h2 id="er-clerk-heading">
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="'evaluate.home.clerk'"/>
        </xsl:call-template>
      </h2>
      <p>
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="'evaluate.home.clerk.how'"/>
        </xsl:call-template>
      </p>
      <p>
        <a class="button" href="{$eval-mount}clerk">
          <xsl:call-template name="eres-t">
            <xsl:with-param name="key" select="'evaluate.home.clerk.go'"/>
          </xsl:call-template>
        </a>
      </p>
    </section>

    <section aria-labelledby="er-campaigns-heading">
      <h2 id="er-campaigns-heading">
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="'evaluate.home.campaigns'"/>
        </xsl:call-template>
      </h2>
      <p>
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="'evaluate.home.campaigns.how'"/>
        </xsl:call-template>
      </p>
      <xsl:choose>
        <xsl:when test="campaigns/campaign">
          <ul class="item-list">
            <xsl:for-each select="campaigns/campaign">
              <li>
                <p class="item-title">
                  <a href="{$eval-mount}campaign/{id}">
                    <xsl:value-of select="title"/>
                  </a>
                </p>
                <p class="meta">
                  <xsl:call-template name="t">
                    <xsl:with-param name="key" select="'evaluate.home.campaign.dates'"/>
                    <xsl:with-param name="min" select="string(starts_on)"/>
                    <xsl:with-param name="max" select="string(ends_on)"/>
                  </xsl:call-template>
                </p>
                <xsl:if test="normalize-space(departments) != ''">
                  <p class="meta">
                    <xsl:call-template name="t">
                      <xsl:with-param name="key" select="'evaluate.home.campaign.departments'"/>
                      <xsl:with-param name="s" select="string(departments)"/>
                    </xsl:call-template>
                  </p>
                </xsl:if>
                <xsl:if test="normalize-space(intro) != ''">
                  <p>
                    <xsl:value-of select="intro"/>
                  </p>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">
            <xsl:call-template name="eres-t">
              <xsl:with-param name="key" select="'evaluate.home.campaigns.none'"/>
            </xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="er-results-heading">
      <h2 id="er-results-heading">
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="'evaluate.home.results'"/>
        </xsl:call-template>
      </h2>
      <p>
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="'evaluate.home.results.how'"/>
        </xsl:call-template>
      </p>
      <p>
        <a href="{$eval-mount}results">
          <xsl:call-template name="eres-t">
            <xsl:with-param name="key" select="'evaluate.home.results.go'"/>
          </xsl:call-template>
        </a>
      </p>
    </section>
  </xsl:template>

  <!-- ===== results ===== -->

  <xsl:template match="page[@view = 'results']" mode="title">
    <xsl:call-template name="eres-t">
      <xsl:with-param name="key" select="'evaluate.results.title'"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    A public table of figures: the first column (a department's name, an
    item's code), the number of ratings, then the rate and its interval,
    or across both the minimum's notice with the number of ratings.
  -->
  <xsl:template name="eres-public-table">
    <xsl:param name="id"/>
    <xsl:param name="caption"/>
    <xsl:param name="first"/>
    <xsl:param name="rows"/>
    <div class="table-wrap" role="region" aria-labelledby="{$id}" tabindex="0">
      <table class="data-table">
        <caption id="{$id}">
          <xsl:value-of select="$caption"/>
        </caption>
        <thead>
          <tr>
            <xsl:call-template name="eres-th">
              <xsl:with-param name="key" select="$first"/>
            </xsl:call-template>
            <xsl:for-each select="str:tokenize('n rate interval', ' ')">
              <xsl:call-template name="eres-th">
                <xsl:with-param name="key" select="concat('evaluate.results.col.', .)"/>
              </xsl:call-template>
            </xsl:for-each>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$rows">
            <tr>
              <th scope="row">
                <xsl:value-of select="name | item"/>
              </th>
              <td>
                <xsl:value-of select="n"/>
              </td>
              <xsl:choose>
                <xsl:when test="enough = '1' and string(rate) != ''">
                  <td>
                    <strong>
                      <xsl:call-template name="eval-percent">
                        <xsl:with-param name="v" select="string(rate)"/>
                      </xsl:call-template>
                    </strong>
                  </td>
                  <td class="nowrap">
                    <xsl:call-template name="eres-interval">
                      <xsl:with-param name="r" select="."/>
                    </xsl:call-template>
                  </td>
                </xsl:when>
                <xsl:otherwise>
                  <td colspan="2" class="few">
                    <xsl:call-template name="t">
                      <xsl:with-param name="key" select="'evaluate.results.few'"/>
                      <xsl:with-param name="n" select="string(n)"/>
                    </xsl:call-template>
                  </td>
                </xsl:otherwise>
              </xsl:choose>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="page[@view = 'results']" mode="content">
    <xsl:variable name="res" select="results"/>
    <xsl:variable name="period">
      <xsl:call-template name="eres-period">
        <xsl:with-param name="from" select="$res/@from"/>
        <xsl:with-param name="to" select="$res/@to"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="eres-heading"/>
    <xsl:call-template name="eval-staff-menu"/>
    <p class="lead">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="'evaluate.results.intro'"/>
        <xsl:with-param name="n" select="string($res/@min)"/>
      </xsl:call-template>
    </p>
    <xsl:call-template name="eres-period-form">
      <xsl:with-param name="action" select="'results'"/>
      <xsl:with-param name="label" select="'evaluate.results.f.label'"/>
    </xsl:call-template>

    <section aria-labelledby="er-dept-heading">
      <h2 id="er-dept-heading">
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="'evaluate.results.departments'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="$res/departments/department">
          <xsl:call-template name="eres-public-table">
            <xsl:with-param name="id" select="'er-dept-caption'"/>
            <xsl:with-param name="caption">
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="'evaluate.results.departments.caption'"/>
                <xsl:with-param name="s" select="string($period)"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="first" select="'evaluate.results.col.department'"/>
            <xsl:with-param name="rows" select="$res/departments/department"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'evaluate.results.departments.empty'"/>
              <xsl:with-param name="s" select="string($period)"/>
            </xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="er-item-heading">
      <h2 id="er-item-heading">
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="'evaluate.results.items'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="$res/items/item">
          <xsl:call-template name="eres-public-table">
            <xsl:with-param name="id" select="'er-item-caption'"/>
            <xsl:with-param name="caption">
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="'evaluate.results.items.caption'"/>
                <xsl:with-param name="s" select="string($period)"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="first" select="'evaluate.results.col.item'"/>
            <xsl:with-param name="rows" select="$res/items/item"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">
            <xsl:call-template name="eres-t">
              <xsl:with-param name="key" select="'evaluate.results.items.empty'"/>
            </xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="er-rect-heading">
      <h2 id="er-rect-heading">
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="'evaluate.results.rectification'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="$res/rectification/department">
          <div class="table-wrap" role="region" aria-labelledby="er-rect-caption" tabindex="0">
            <table class="data-table">
              <caption id="er-rect-caption">
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'evaluate.results.rectification.caption'"/>
                  <xsl:with-param name="s" select="string($period)"/>
                </xsl:call-template>
              </caption>
              <thead>
                <tr>
                  <xsl:for-each select="str:tokenize('department bad rectified on_time excluded open', ' ')">
                    <xsl:call-template name="eres-th">
                      <xsl:with-param name="key" select="concat('evaluate.results.col.', .)"/>
                    </xsl:call-template>
                  </xsl:for-each>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="$res/rectification/department">
                  <tr>
                    <th scope="row">
                      <xsl:value-of select="name"/>
                    </th>
                    <td><xsl:value-of select="bad"/></td>
                    <td><xsl:value-of select="rectified"/></td>
                    <td><xsl:value-of select="on_time"/></td>
                    <td><xsl:value-of select="excluded"/></td>
                    <td><xsl:value-of select="open"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">
            <xsl:call-template name="eres-t">
              <xsl:with-param name="key" select="'evaluate.results.rectification.empty'"/>
            </xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
      <h3 id="er-rectified-heading">
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="'evaluate.results.rectified'"/>
        </xsl:call-template>
      </h3>
      <xsl:choose>
        <xsl:when test="$res/rectified/case">
          <ul class="item-list" aria-labelledby="er-rectified-heading">
            <xsl:for-each select="$res/rectified/case">
              <li>
                <p class="meta">
                  <xsl:value-of select="department"/>
                  <xsl:text> · </xsl:text>
                  <time datetime="{date}">
                    <xsl:value-of select="date"/>
                  </time>
                </p>
                <p class="text-body">
                  <xsl:value-of select="summary"/>
                </p>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">
            <xsl:call-template name="eres-t">
              <xsl:with-param name="key" select="'evaluate.results.rectified.empty'"/>
            </xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <p class="meta">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="'evaluate.results.notes'"/>
        <xsl:with-param name="n" select="string($res/@min)"/>
      </xsl:call-template>
    </p>
  </xsl:template>

  <!-- ===== supervise ===== -->

  <xsl:template match="page[@view = 'supervise']" mode="title">
    <xsl:call-template name="eres-t">
      <xsl:with-param name="key" select="'evaluate.supervise.title'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A row's name: a kind's word, or what the database named it. -->
  <xsl:template name="eres-row-name">
    <xsl:param name="r"/>
    <xsl:choose>
      <xsl:when test="$r/../@by = 'kind'">
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="concat('evaluate.kind.', $r/id)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$r/name"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The ratings list's query for a row of the figures: its filter and the period. -->
  <xsl:template name="eres-row-query">
    <xsl:param name="r"/>
    <xsl:variable name="f" select="$r/.."/>
    <xsl:choose>
      <xsl:when test="$f/@by = 'department'">
        <xsl:value-of select="concat('department=', $r/id, '&amp;')"/>
      </xsl:when>
      <xsl:when test="$f/@by = 'kind'">
        <xsl:value-of select="concat('kind=', $r/id, '&amp;')"/>
      </xsl:when>
    </xsl:choose>
    <xsl:value-of select="concat('from=', $f/@from, '&amp;to=', $f/@to)"/>
  </xsl:template>

  <xsl:template name="eres-below">
    <span class="few">
      <xsl:call-template name="eres-t">
        <xsl:with-param name="key" select="'evaluate.supervise.below'"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="page[@view = 'supervise']" mode="content">
    <xsl:variable name="f" select="figures"/>
    <xsl:variable name="rows" select="$f/row"/>
    <xsl:variable name="period">
      <xsl:call-template name="eres-period">
        <xsl:with-param name="from" select="$f/@from"/>
        <xsl:with-param name="to" select="$f/@to"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="by-word">
      <xsl:call-template name="eres-t">
        <xsl:with-param name="key" select="concat('evaluate.supervise.by.', $f/@by)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="dims">
      <xsl:for-each select="str:tokenize('department clerk kind campaign item', ' ')">
        <o value="{.}">
          <xsl:call-template name="eres-t">
            <xsl:with-param name="key" select="concat('evaluate.supervise.by.', .)"/>
          </xsl:call-template>
        </o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="query"
        select="concat('by=', $f/@by, '&amp;from=', $f/@from, '&amp;to=', $f/@to)"/>

    <xsl:call-template name="eres-heading"/>
    <xsl:call-template name="eval-staff-menu"/>
    <p class="lead">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="'evaluate.supervise.intro'"/>
        <xsl:with-param name="n" select="string($f/@min)"/>
      </xsl:call-template>
    </p>
    <xsl:call-template name="eres-period-form">
      <xsl:with-param name="action" select="'supervise'"/>
      <xsl:with-param name="label" select="'evaluate.supervise.f.label'"/>
      <xsl:with-param name="by" select="exsl:node-set($dims)/o"/>
    </xsl:call-template>
    <ul class="menu-list">
      <li>
        <a href="{$eval-mount}supervise.csv?{$query}" download="evaluate-{$f/@by}.csv">
          <xsl:call-template name="eres-t">
            <xsl:with-param name="key" select="'evaluate.supervise.csv'"/>
          </xsl:call-template>
        </a>
      </li>
      <li>
        <a href="{$eval-mount}supervise/ratings?from={$f/@from}&amp;to={$f/@to}">
          <xsl:call-template name="eres-t">
            <xsl:with-param name="key" select="'evaluate.supervise.ratings'"/>
          </xsl:call-template>
        </a>
      </li>
    </ul>

    <xsl:choose>
      <xsl:when test="$rows">
        <section aria-labelledby="er-fig-heading">
          <h2 id="er-fig-heading">
            <xsl:call-template name="eres-t">
              <xsl:with-param name="key" select="'evaluate.supervise.figures'"/>
            </xsl:call-template>
          </h2>
          <div class="table-wrap" role="region" aria-labelledby="er-fig-caption" tabindex="0">
            <table class="data-table">
              <caption id="er-fig-caption">
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'evaluate.supervise.caption'"/>
                  <xsl:with-param name="s" select="concat($by-word, ' · ', $period)"/>
                </xsl:call-template>
              </caption>
              <thead>
                <tr>
                  <th scope="col" rowspan="2">
                    <xsl:value-of select="$by-word"/>
                  </th>
                  <th scope="col" rowspan="2">
                    <xsl:call-template name="eres-t">
                      <xsl:with-param name="key" select="'evaluate.results.col.n'"/>
                    </xsl:call-template>
                  </th>
                  <th scope="colgroup" colspan="5">
                    <xsl:call-template name="eres-t">
                      <xsl:with-param name="key" select="'evaluate.supervise.col.levels'"/>
                    </xsl:call-template>
                  </th>
                  <xsl:for-each select="str:tokenize('rate interval bad_rate', ' ')">
                    <th scope="col" rowspan="2">
                      <xsl:call-template name="eres-t">
                        <xsl:with-param name="key" select="concat('evaluate.supervise.col.', .)"/>
                      </xsl:call-template>
                    </th>
                  </xsl:for-each>
                  <th scope="colgroup" colspan="3">
                    <xsl:call-template name="eres-t">
                      <xsl:with-param name="key" select="'evaluate.supervise.col.cases'"/>
                    </xsl:call-template>
                  </th>
                </tr>
                <tr>
                  <xsl:for-each select="str:tokenize('5 4 3 2 1', ' ')">
                    <xsl:call-template name="eres-th">
                      <xsl:with-param name="key" select="concat('evaluate.level.', .)"/>
                    </xsl:call-template>
                  </xsl:for-each>
                  <xsl:for-each select="str:tokenize('opened closed on_time_rate', ' ')">
                    <xsl:call-template name="eres-th">
                      <xsl:with-param name="key" select="concat('evaluate.supervise.col.', .)"/>
                    </xsl:call-template>
                  </xsl:for-each>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="$rows">
                  <tr>
                    <th scope="row">
                      <xsl:choose>
                        <xsl:when test="$f/@by = 'department' or $f/@by = 'kind'">
                          <a>
                            <xsl:attribute name="href">
                              <xsl:value-of select="concat($eval-mount, 'supervise/ratings?')"/>
                              <xsl:call-template name="eres-row-query">
                                <xsl:with-param name="r" select="."/>
                              </xsl:call-template>
                            </xsl:attribute>
                            <xsl:call-template name="eres-row-name">
                              <xsl:with-param name="r" select="."/>
                            </xsl:call-template>
                          </a>
                        </xsl:when>
                        <xsl:otherwise>
                          <xsl:call-template name="eres-row-name">
                            <xsl:with-param name="r" select="."/>
                          </xsl:call-template>
                        </xsl:otherwise>
                      </xsl:choose>
                    </th>
                    <td><xsl:value-of select="n"/></td>
                    <td><xsl:value-of select="r5"/></td>
                    <td><xsl:value-of select="r4"/></td>
                    <td><xsl:value-of select="r3"/></td>
                    <td><xsl:value-of select="r2"/></td>
                    <td><xsl:value-of select="r1"/></td>
                    <td>
                      <xsl:call-template name="eval-percent">
                        <xsl:with-param name="v" select="string(rate)"/>
                      </xsl:call-template>
                      <xsl:if test="enough != '1'">
                        <xsl:text> </xsl:text>
                        <xsl:call-template name="eres-below"/>
                      </xsl:if>
                    </td>
                    <td class="nowrap">
                      <xsl:call-template name="eres-interval">
                        <xsl:with-param name="r" select="."/>
                      </xsl:call-template>
                    </td>
                    <td>
                      <xsl:call-template name="eval-percent">
                        <xsl:with-param name="v" select="string(bad_rate)"/>
                      </xsl:call-template>
                    </td>
                    <td><xsl:value-of select="cases"/></td>
                    <td><xsl:value-of select="closed"/></td>
                    <td>
                      <xsl:call-template name="eval-percent">
                        <xsl:with-param name="v" select="string(on_time_rate)"/>
                      </xsl:call-template>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="er-rank-heading">
          <h2 id="er-rank-heading">
            <xsl:call-template name="eres-t">
              <xsl:with-param name="key" select="'evaluate.supervise.ranking'"/>
            </xsl:call-template>
          </h2>
          <p>
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'evaluate.supervise.ranking.how'"/>
              <xsl:with-param name="n" select="string($f/@min)"/>
            </xsl:call-template>
          </p>
          <div class="table-wrap" role="region" aria-labelledby="er-rank-caption" tabindex="0">
            <table class="data-table ranking">
              <caption id="er-rank-caption">
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'evaluate.supervise.ranking.caption'"/>
                  <xsl:with-param name="s" select="concat($by-word, ' · ', $period)"/>
                </xsl:call-template>
              </caption>
              <thead>
                <tr>
                  <xsl:call-template name="eres-th">
                    <xsl:with-param name="key" select="'evaluate.supervise.col.rank'"/>
                  </xsl:call-template>
                  <th scope="col">
                    <xsl:value-of select="$by-word"/>
                  </th>
                  <xsl:for-each select="str:tokenize('rate interval', ' ')">
                    <xsl:call-template name="eres-th">
                      <xsl:with-param name="key" select="concat('evaluate.supervise.col.', .)"/>
                    </xsl:call-template>
                  </xsl:for-each>
                  <xsl:call-template name="eres-th">
                    <xsl:with-param name="key" select="'evaluate.results.col.n'"/>
                  </xsl:call-template>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="$rows">
                  <xsl:sort select="enough" data-type="number" order="descending"/>
                  <xsl:sort select="rate" data-type="number" order="descending"/>
                  <xsl:sort select="n" data-type="number" order="descending"/>
                  <xsl:variable name="rate" select="number(rate)"/>
                  <tr>
                    <xsl:if test="enough != '1'">
                      <xsl:attribute name="class">below-min</xsl:attribute>
                    </xsl:if>
                    <td class="rank">
                      <xsl:choose>
                        <xsl:when test="enough = '1'">
                          <!-- Equal rates share a rank. -->
                          <xsl:value-of select="1 + count($rows[enough = '1' and number(rate) > $rate])"/>
                        </xsl:when>
                        <xsl:otherwise>
                          <xsl:call-template name="eres-below"/>
                        </xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <th scope="row">
                      <xsl:call-template name="eres-row-name">
                        <xsl:with-param name="r" select="."/>
                      </xsl:call-template>
                    </th>
                    <td>
                      <xsl:call-template name="eval-percent">
                        <xsl:with-param name="v" select="string(rate)"/>
                      </xsl:call-template>
                    </td>
                    <td class="nowrap">
                      <xsl:call-template name="eres-interval">
                        <xsl:with-param name="r" select="."/>
                      </xsl:call-template>
                    </td>
                    <td><xsl:value-of select="n"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="er-chart-heading">
          <h2 id="er-chart-heading">
            <xsl:call-template name="eres-t">
              <xsl:with-param name="key" select="'evaluate.supervise.chart'"/>
            </xsl:call-template>
          </h2>
          <xsl:call-template name="eres-chart">
            <xsl:with-param name="rows" select="$rows"/>
          </xsl:call-template>
        </section>
        <p class="meta">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'evaluate.supervise.notes'"/>
            <xsl:with-param name="n" select="string($f/@min)"/>
          </xsl:call-template>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'evaluate.supervise.empty'"/>
            <xsl:with-param name="s" select="string($period)"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The chart: for each row, in the table's order, a bar of its
    satisfaction rate on a scale of 0 to 100 %, the name at the left and
    the rate at the bar's right; a row below the minimum has a bar of
    another class and says so in words beside the rate, not by colour
    alone.  A row without ratings has no bar.
  -->
  <xsl:template name="eres-chart">
    <xsl:param name="rows"/>
    <xsl:variable name="n" select="count($rows)"/>
    <xsl:variable name="label-w" select="170"/>
    <xsl:variable name="bar-w" select="380"/>
    <xsl:variable name="row-h" select="28"/>
    <xsl:variable name="top" select="36"/>
    <xsl:variable name="width" select="$label-w + $bar-w + 140"/>
    <xsl:variable name="height" select="$top + $n * $row-h + 8"/>
    <xsl:variable name="title">
      <xsl:call-template name="eres-t">
        <xsl:with-param name="key" select="'evaluate.supervise.chart'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="l-rate">
      <xsl:call-template name="eres-t">
        <xsl:with-param name="key" select="'evaluate.supervise.col.rate'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="l-below">
      <xsl:call-template name="eres-t">
        <xsl:with-param name="key" select="'evaluate.supervise.below'"/>
      </xsl:call-template>
    </xsl:variable>
    <figure>
      <svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"
          width="{$width}" height="{$height}" viewBox="0 0 {$width} {$height}"
          aria-labelledby="er-chart-title er-chart-desc">
        <title id="er-chart-title">
          <xsl:value-of select="$title"/>
        </title>
        <desc id="er-chart-desc">
          <xsl:call-template name="eres-t">
            <xsl:with-param name="key" select="'evaluate.supervise.chart.desc'"/>
          </xsl:call-template>
        </desc>
        <rect class="bar legend" x="{$label-w}" y="8" width="14" height="14"/>
        <text x="{$label-w + 20}" y="20">
          <xsl:value-of select="$l-rate"/>
        </text>
        <rect class="bar-alt legend" x="{$label-w + 140}" y="8" width="14" height="14"/>
        <text x="{$label-w + 160}" y="20">
          <xsl:value-of select="$l-below"/>
        </text>
        <xsl:for-each select="$rows">
          <xsl:variable name="y" select="$top + (position() - 1) * $row-h"/>
          <xsl:variable name="name">
            <xsl:call-template name="eres-row-name">
              <xsl:with-param name="r" select="."/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:variable name="w">
            <xsl:choose>
              <xsl:when test="string(rate) != ''">
                <xsl:value-of select="round(number(rate) * $bar-w div 100)"/>
              </xsl:when>
              <xsl:otherwise>0</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="label">
            <xsl:call-template name="eval-percent">
              <xsl:with-param name="v" select="string(rate)"/>
            </xsl:call-template>
            <xsl:if test="enough != '1'">
              <xsl:call-template name="eres-t">
                <xsl:with-param name="key" select="'evaluate.supervise.below.note'"/>
              </xsl:call-template>
            </xsl:if>
          </xsl:variable>
          <g>
            <text x="0" y="{$y + 16}">
              <xsl:value-of select="$name"/>
            </text>
            <xsl:if test="$w > 0">
              <rect x="{$label-w}" y="{$y + 4}" width="{$w}" height="16">
                <xsl:attribute name="class">
                  <xsl:choose>
                    <xsl:when test="enough = '1'">bar</xsl:when>
                    <xsl:otherwise>bar-alt</xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
                <title>
                  <xsl:value-of select="concat($name, ' ', $l-rate, ' ', $label)"/>
                </title>
              </rect>
            </xsl:if>
            <text x="{$label-w + $w + 6}" y="{$y + 16}">
              <xsl:value-of select="$label"/>
            </text>
          </g>
        </xsl:for-each>
      </svg>
    </figure>
  </xsl:template>

  <!-- ===== supervise-ratings ===== -->

  <xsl:template match="page[@view = 'supervise-ratings']" mode="title">
    <xsl:call-template name="eres-t">
      <xsl:with-param name="key" select="'evaluate.ratings.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'supervise-ratings']" mode="content">
    <xsl:variable name="departments">
      <xsl:for-each select="departments/department">
        <o value="{id}">
          <xsl:value-of select="name"/>
        </o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="kinds">
      <xsl:for-each select="str:tokenize('letter question application clerk item campaign', ' ')">
        <o value="{.}">
          <xsl:call-template name="eres-t">
            <xsl:with-param name="key" select="concat('evaluate.kind.', .)"/>
          </xsl:call-template>
        </o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="levels">
      <xsl:for-each select="str:tokenize('5 4 3 2 1', ' ')">
        <o value="{.}">
          <xsl:call-template name="rating-level">
            <xsl:with-param name="level" select="string(.)"/>
          </xsl:call-template>
        </o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="excluded">
      <xsl:for-each select="str:tokenize('0 1', ' ')">
        <o value="{.}">
          <xsl:call-template name="eres-t">
            <xsl:with-param name="key" select="concat('evaluate.ratings.excluded.', .)"/>
          </xsl:call-template>
        </o>
      </xsl:for-each>
    </xsl:variable>
    <!-- The filters in force, for the pager's links. -->
    <xsl:variable name="query">
      <xsl:for-each select="values/value[normalize-space(.) != '' and @name != 'after']">
        <xsl:if test="position() > 1">&amp;</xsl:if>
        <xsl:value-of select="concat(@name, '=', str:encode-uri(string(.), true()))"/>
      </xsl:for-each>
    </xsl:variable>

    <xsl:call-template name="eres-heading"/>
    <xsl:call-template name="eval-staff-menu"/>
    <p class="lead">
      <xsl:call-template name="eres-t">
        <xsl:with-param name="key" select="'evaluate.ratings.intro'"/>
      </xsl:call-template>
    </p>
    <form class="form filter-form" method="get" action="{$eval-mount}supervise/ratings"
        accept-charset="UTF-8" role="search">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="'evaluate.ratings.filter'"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'department'"/>
        <xsl:with-param name="label" select="'evaluate.ratings.f.department'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="options" select="exsl:node-set($departments)/o"/>
        <xsl:with-param name="empty-label" select="'evaluate.ratings.any'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'kind'"/>
        <xsl:with-param name="label" select="'evaluate.ratings.f.kind'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="options" select="exsl:node-set($kinds)/o"/>
        <xsl:with-param name="empty-label" select="'evaluate.ratings.any'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'level'"/>
        <xsl:with-param name="label" select="'evaluate.ratings.f.level'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="options" select="exsl:node-set($levels)/o"/>
        <xsl:with-param name="empty-label" select="'evaluate.ratings.any'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'excluded'"/>
        <xsl:with-param name="label" select="'evaluate.ratings.f.excluded'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="options" select="exsl:node-set($excluded)/o"/>
        <xsl:with-param name="empty-label" select="'evaluate.ratings.any'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'from'"/>
        <xsl:with-param name="label" select="'evaluate.results.f.from'"/>
        <xsl:with-param name="type" select="'date'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'to'"/>
        <xsl:with-param name="label" select="'evaluate.results.f.to'"/>
        <xsl:with-param name="type" select="'date'"/>
      </xsl:call-template>
      <div class="actions">
        <button type="submit" class="button">
          <xsl:call-template name="eres-t">
            <xsl:with-param name="key" select="'evaluate.results.f.submit'"/>
          </xsl:call-template>
        </button>
        <xsl:text> </xsl:text>
        <a href="{$eval-mount}supervise/ratings">
          <xsl:call-template name="eres-t">
            <xsl:with-param name="key" select="'evaluate.ratings.clear'"/>
          </xsl:call-template>
        </a>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="ratings/rating">
        <div class="table-wrap" role="region" aria-labelledby="er-ratings-caption" tabindex="0">
          <table class="data-table">
            <caption id="er-ratings-caption">
              <xsl:call-template name="eres-t">
                <xsl:with-param name="key" select="'evaluate.ratings.caption'"/>
              </xsl:call-template>
            </caption>
            <thead>
              <tr>
                <xsl:for-each select="str:tokenize('rated kind object level indicators reason comment case', ' ')">
                  <xsl:call-template name="eres-th">
                    <xsl:with-param name="key" select="concat('evaluate.ratings.col.', .)"/>
                  </xsl:call-template>
                </xsl:for-each>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="ratings/rating">
                <tr>
                  <xsl:if test="excluded = '1'">
                    <xsl:attribute name="class">excluded</xsl:attribute>
                  </xsl:if>
                  <th scope="row" class="nowrap">
                    <xsl:call-template name="eval-time">
                      <xsl:with-param name="t" select="string(rated)"/>
                    </xsl:call-template>
                  </th>
                  <td>
                    <xsl:call-template name="eres-t">
                      <xsl:with-param name="key" select="concat('evaluate.kind.', kind)"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:value-of select="department"/>
                    <xsl:if test="staff_no">
                      <br/>
                      <xsl:call-template name="t">
                        <xsl:with-param name="key" select="'evaluate.ratings.staff'"/>
                        <xsl:with-param name="s" select="string(staff_no)"/>
                      </xsl:call-template>
                    </xsl:if>
                    <xsl:if test="campaign">
                      <br/>
                      <xsl:value-of select="campaign"/>
                    </xsl:if>
                    <xsl:if test="case_no">
                      <br/>
                      <span class="nowrap"><xsl:value-of select="case_no"/></span>
                    </xsl:if>
                    <xsl:if test="item">
                      <br/>
                      <xsl:value-of select="item"/>
                    </xsl:if>
                  </td>
                  <td>
                    <strong>
                      <xsl:call-template name="rating-level">
                        <xsl:with-param name="level" select="string(level)"/>
                      </xsl:call-template>
                    </strong>
                    <xsl:if test="excluded = '1'">
                      <br/>
                      <xsl:call-template name="eres-t">
                        <xsl:with-param name="key" select="'evaluate.ratings.excluded.1'"/>
                      </xsl:call-template>
                      <xsl:if test="excluded_reason">
                        <xsl:value-of select="concat('：', excluded_reason)"/>
                      </xsl:if>
                    </xsl:if>
                  </td>
                  <td>
                    <xsl:for-each select="efficiency | accuracy | convenience | attitude | professionalism">
                      <xsl:if test="position() > 1"><br/></xsl:if>
                      <xsl:call-template name="eres-t">
                        <xsl:with-param name="key" select="concat('evaluate.f.', local-name())"/>
                      </xsl:call-template>
                      <xsl:text>：</xsl:text>
                      <xsl:call-template name="rating-level">
                        <xsl:with-param name="level" select="string(.)"/>
                      </xsl:call-template>
                    </xsl:for-each>
                  </td>
                  <td>
                    <xsl:value-of select="reason"/>
                  </td>
                  <td>
                    <xsl:value-of select="comment"/>
                  </td>
                  <td>
                    <xsl:if test="case_state">
                      <xsl:call-template name="eres-t">
                        <xsl:with-param name="key" select="concat('evaluate.state.', case_state)"/>
                      </xsl:call-template>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:call-template name="pager">
          <xsl:with-param name="query" select="string($query)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty">
          <xsl:call-template name="eres-t">
            <xsl:with-param name="key" select="'evaluate.ratings.empty'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
    <p class="back-link">
      <a href="{$eval-mount}supervise">
        <xsl:call-template name="eres-t">
          <xsl:with-param name="key" select="'evaluate.ratings.back'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

</xsl:stylesheet>
