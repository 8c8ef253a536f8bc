<?xml version="1.0" encoding="UTF-8"?>
<!--
  mailbox-supervise.xsl: included by mailbox.xsl.  Supervision and
  statistics (staff: supervisor, office; modules/mailbox/supervise.c).
  Views (/page/@view):

    supervise-list    GET  /supervise        the filter (/page/values: department,
                                             type, light, state, from, to),
                                             /page/departments/department (@id, @name),
                                             /page/letters/letter (id, tracking_no,
                                             subject, type, category, state, light
                                             (absent once finished), created, due,
                                             replied, rating, urge_count, departments
                                             "A、B"), /page/pager
    supervise-letter  GET  /supervise/{id}, GET|POST /supervise/{id}/urge
                                             /page/letter (the list's fields without
                                             departments, and urged, urgeable 1|0),
                                             /page/forwards/forward (id, department,
                                             state, limit_days, extension_days, due,
                                             light), /page/events/event (kind, at,
                                             department, note); a refused urge: 422
                                             with message mailbox.supervise.urge.refused
                                             or an error on field note
    supervise-stats   GET  /stats            /page/values (from, to), /page/stats
                                             (@from, @to, @max: the largest count
                                             drawn) with department (id, name, received,
                                             replied, on_time, on_time_rate (absent
                                             without replies), avg_days (absent without
                                             reply_days), overdue, r5 … r1) and one
                                             total (the same without id and name)

  Named templates and variables here begin with "sup-": the parts' views
  share one stylesheet.  The chart is SVG drawn from the same XML as the
  table, with a title, a description and text labels (no script).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="exsl str">

  <xsl:variable name="sup-mount" select="string(/page/site/@mount)"/>

  <!-- ===== shared pieces ===== -->

  <xsl:template name="sup-t">
    <xsl:param name="key"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="$key"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="sup-th">
    <xsl:param name="key"/>
    <th scope="col">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
    </th>
  </xsl:template>

  <!-- A value, or a dash. -->
  <xsl:template name="sup-or-none">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v) != ''">
        <xsl:value-of select="$v"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="sup-t">
          <xsl:with-param name="key" select="'mailbox.supervise.none'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A code through the catalogue (prefix + code), or a dash for none. -->
  <xsl:template name="sup-code">
    <xsl:param name="prefix"/>
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="normalize-space($code) != ''">
        <xsl:call-template name="mailbox-code">
          <xsl:with-param name="prefix" select="$prefix"/>
          <xsl:with-param name="code" select="$code"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="sup-or-none"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="sup-heading">
    <h1>
      <xsl:apply-templates select="/page" mode="title"/>
    </h1>
  </xsl:template>

  <xsl:template name="sup-menu">
    <ul class="menu-list">
      <li>
        <a href="{$sup-mount}supervise">
          <xsl:call-template name="sup-t">
            <xsl:with-param name="key" select="'mailbox.supervise.menu.list'"/>
          </xsl:call-template>
        </a>
      </li>
      <li>
        <a href="{$sup-mount}stats">
          <xsl:call-template name="sup-t">
            <xsl:with-param name="key" select="'mailbox.supervise.menu.stats'"/>
          </xsl:call-template>
        </a>
      </li>
    </ul>
  </xsl:template>

  <!-- ===== supervise-list ===== -->

  <xsl:template match="page[@view = 'supervise-list']" mode="title">
    <xsl:call-template name="sup-t">
      <xsl:with-param name="key" select="'mailbox.supervise.list.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'supervise-list']" mode="content">
    <xsl:variable name="departments">
      <xsl:for-each select="departments/department">
        <o value="{@id}">
          <xsl:value-of select="@name"/>
        </o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="types">
      <xsl:for-each select="str:tokenize('consult complaint suggest help', ' ')">
        <o value="{.}">
          <xsl:call-template name="mailbox-code">
            <xsl:with-param name="prefix" select="'mailbox.type.'"/>
            <xsl:with-param name="code" select="string(.)"/>
          </xsl:call-template>
        </o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="lights">
      <xsl:for-each select="str:tokenize('green yellow red', ' ')">
        <o value="{.}">
          <xsl:call-template name="mailbox-code">
            <xsl:with-param name="prefix" select="'mailbox.light.'"/>
            <xsl:with-param name="code" select="string(.)"/>
          </xsl:call-template>
        </o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="states">
      <xsl:for-each
          select="str:tokenize('received accepted forwarded replied closed rejected merged', ' ')">
        <o value="{.}">
          <xsl:call-template name="mailbox-code">
            <xsl:with-param name="prefix" select="'mailbox.state.'"/>
            <xsl:with-param name="code" select="string(.)"/>
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

    <xsl:call-template name="sup-heading"/>
    <xsl:call-template name="sup-menu"/>
    <p class="lead">
      <xsl:call-template name="sup-t">
        <xsl:with-param name="key" select="'mailbox.supervise.list.intro'"/>
      </xsl:call-template>
    </p>
    <form class="form filter-form" method="get" action="{$sup-mount}supervise"
        accept-charset="UTF-8" role="search">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="sup-t">
          <xsl:with-param name="key" select="'mailbox.supervise.filter'"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'department'"/>
        <xsl:with-param name="label" select="'mailbox.supervise.f.department'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="options" select="exsl:node-set($departments)/o"/>
        <xsl:with-param name="empty-label" select="'mailbox.supervise.any'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'type'"/>
        <xsl:with-param name="label" select="'mailbox.supervise.f.type'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="options" select="exsl:node-set($types)/o"/>
        <xsl:with-param name="empty-label" select="'mailbox.supervise.any'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'light'"/>
        <xsl:with-param name="label" select="'mailbox.supervise.f.light'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="options" select="exsl:node-set($lights)/o"/>
        <xsl:with-param name="empty-label" select="'mailbox.supervise.any'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'state'"/>
        <xsl:with-param name="label" select="'mailbox.supervise.f.state'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="options" select="exsl:node-set($states)/o"/>
        <xsl:with-param name="empty-label" select="'mailbox.supervise.any'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'from'"/>
        <xsl:with-param name="label" select="'mailbox.supervise.f.from'"/>
        <xsl:with-param name="type" select="'date'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'to'"/>
        <xsl:with-param name="label" select="'mailbox.supervise.f.to'"/>
        <xsl:with-param name="type" select="'date'"/>
      </xsl:call-template>
      <div class="actions">
        <button type="submit" class="button">
          <xsl:call-template name="sup-t">
            <xsl:with-param name="key" select="'mailbox.supervise.filter.submit'"/>
          </xsl:call-template>
        </button>
        <xsl:text> </xsl:text>
        <a href="{$sup-mount}supervise">
          <xsl:call-template name="sup-t">
            <xsl:with-param name="key" select="'mailbox.supervise.filter.clear'"/>
          </xsl:call-template>
        </a>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="letters/letter">
        <div class="table-wrap" role="region" aria-labelledby="sup-list-caption" tabindex="0">
          <table class="data-table">
            <caption id="sup-list-caption">
              <xsl:call-template name="sup-t">
                <xsl:with-param name="key" select="'mailbox.supervise.list.caption'"/>
              </xsl:call-template>
            </caption>
            <thead>
              <tr>
                <xsl:for-each select="str:tokenize('no subject type category departments state light created due replied rating urges', ' ')">
                  <xsl:call-template name="sup-th">
                    <xsl:with-param name="key" select="concat('mailbox.supervise.col.', .)"/>
                  </xsl:call-template>
                </xsl:for-each>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="letters/letter">
                <tr>
                  <th scope="row" class="nowrap">
                    <a href="{$sup-mount}supervise/{id}">
                      <xsl:value-of select="tracking_no"/>
                    </a>
                  </th>
                  <td>
                    <xsl:value-of select="subject"/>
                  </td>
                  <td>
                    <xsl:call-template name="sup-code">
                      <xsl:with-param name="prefix" select="'mailbox.type.'"/>
                      <xsl:with-param name="code" select="type"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:value-of select="category"/>
                  </td>
                  <td>
                    <xsl:call-template name="sup-or-none">
                      <xsl:with-param name="v" select="departments"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="sup-code">
                      <xsl:with-param name="prefix" select="'mailbox.state.'"/>
                      <xsl:with-param name="code" select="state"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="mailbox-light">
                      <xsl:with-param name="light" select="light"/>
                    </xsl:call-template>
                  </td>
                  <td class="nowrap">
                    <xsl:value-of select="created"/>
                  </td>
                  <td class="nowrap">
                    <xsl:call-template name="sup-or-none">
                      <xsl:with-param name="v" select="due"/>
                    </xsl:call-template>
                  </td>
                  <td class="nowrap">
                    <xsl:call-template name="sup-or-none">
                      <xsl:with-param name="v" select="replied"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="sup-code">
                      <xsl:with-param name="prefix" select="'evaluate.level.'"/>
                      <xsl:with-param name="code" select="rating"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:value-of select="urge_count"/>
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
          <xsl:call-template name="sup-t">
            <xsl:with-param name="key" select="'mailbox.supervise.list.empty'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== supervise-letter ===== -->

  <xsl:template match="page[@view = 'supervise-letter']" mode="title">
    <xsl:value-of select="concat(letter/tracking_no, ' ', letter/subject)"/>
  </xsl:template>

  <xsl:template name="sup-meta">
    <xsl:param name="key"/>
    <xsl:param name="v"/>
    <div>
      <dt>
        <xsl:call-template name="sup-t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </dt>
      <dd>
        <xsl:call-template name="sup-or-none">
          <xsl:with-param name="v" select="$v"/>
        </xsl:call-template>
      </dd>
    </div>
  </xsl:template>

  <xsl:template match="page[@view = 'supervise-letter']" mode="content">
    <xsl:variable name="l" select="letter"/>
    <xsl:call-template name="sup-heading"/>
    <dl class="meta-list">
      <div>
        <dt>
          <xsl:call-template name="sup-t">
            <xsl:with-param name="key" select="'mailbox.supervise.col.type'"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:call-template name="sup-code">
            <xsl:with-param name="prefix" select="'mailbox.type.'"/>
            <xsl:with-param name="code" select="$l/type"/>
          </xsl:call-template>
        </dd>
      </div>
      <xsl:call-template name="sup-meta">
        <xsl:with-param name="key" select="'mailbox.supervise.col.category'"/>
        <xsl:with-param name="v" select="$l/category"/>
      </xsl:call-template>
      <div>
        <dt>
          <xsl:call-template name="sup-t">
            <xsl:with-param name="key" select="'mailbox.supervise.col.state'"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:call-template name="sup-code">
            <xsl:with-param name="prefix" select="'mailbox.state.'"/>
            <xsl:with-param name="code" select="$l/state"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="mailbox-light">
            <xsl:with-param name="light" select="$l/light"/>
          </xsl:call-template>
        </dd>
      </div>
      <xsl:call-template name="sup-meta">
        <xsl:with-param name="key" select="'mailbox.supervise.col.created'"/>
        <xsl:with-param name="v" select="$l/created"/>
      </xsl:call-template>
      <xsl:call-template name="sup-meta">
        <xsl:with-param name="key" select="'mailbox.supervise.col.due'"/>
        <xsl:with-param name="v" select="$l/due"/>
      </xsl:call-template>
      <xsl:call-template name="sup-meta">
        <xsl:with-param name="key" select="'mailbox.supervise.col.replied'"/>
        <xsl:with-param name="v" select="$l/replied"/>
      </xsl:call-template>
      <div>
        <dt>
          <xsl:call-template name="sup-t">
            <xsl:with-param name="key" select="'mailbox.supervise.col.rating'"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:call-template name="sup-code">
            <xsl:with-param name="prefix" select="'evaluate.level.'"/>
            <xsl:with-param name="code" select="$l/rating"/>
          </xsl:call-template>
        </dd>
      </div>
      <xsl:call-template name="sup-meta">
        <xsl:with-param name="key" select="'mailbox.supervise.col.urges'"/>
        <xsl:with-param name="v" select="$l/urge_count"/>
      </xsl:call-template>
      <xsl:call-template name="sup-meta">
        <xsl:with-param name="key" select="'mailbox.supervise.col.urged'"/>
        <xsl:with-param name="v" select="$l/urged"/>
      </xsl:call-template>
    </dl>
    <p>
      <a href="{$sup-mount}office/{$l/id}">
        <xsl:call-template name="sup-t">
          <xsl:with-param name="key" select="'mailbox.supervise.letter.office'"/>
        </xsl:call-template>
      </a>
    </p>

    <section aria-labelledby="sup-urge-heading">
      <h2 id="sup-urge-heading">
        <xsl:call-template name="sup-t">
          <xsl:with-param name="key" select="'mailbox.supervise.urge.title'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="$l/urgeable = '1'">
          <p>
            <xsl:call-template name="sup-t">
              <xsl:with-param name="key" select="'mailbox.supervise.urge.intro'"/>
            </xsl:call-template>
          </p>
          <xsl:call-template name="error-summary">
            <xsl:with-param name="label-prefix" select="'mailbox.supervise.f.'"/>
          </xsl:call-template>
          <form class="form" method="post" action="{$sup-mount}supervise/{$l/id}/urge"
              accept-charset="UTF-8" novalidate="novalidate">
            <xsl:call-template name="form-hidden"/>
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="'note'"/>
              <xsl:with-param name="label" select="'mailbox.supervise.f.note'"/>
              <xsl:with-param name="hint" select="'mailbox.supervise.h.note'"/>
              <xsl:with-param name="maxlength" select="'200'"/>
              <xsl:with-param name="autocomplete" select="'off'"/>
            </xsl:call-template>
            <xsl:call-template name="submit">
              <xsl:with-param name="label" select="'mailbox.supervise.urge.submit'"/>
            </xsl:call-template>
          </form>
        </xsl:when>
        <xsl:otherwise>
          <p class="notice">
            <xsl:call-template name="sup-t">
              <xsl:with-param name="key" select="'mailbox.supervise.urge.not'"/>
            </xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="sup-forwards-heading">
      <h2 id="sup-forwards-heading">
        <xsl:call-template name="sup-t">
          <xsl:with-param name="key" select="'mailbox.supervise.letter.forwards'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="forwards/forward">
          <div class="table-wrap" role="region" aria-labelledby="sup-forwards-heading"
              tabindex="0">
            <table class="data-table" aria-labelledby="sup-forwards-heading">
              <thead>
                <tr>
                  <xsl:for-each select="str:tokenize('departments state limit due light', ' ')">
                    <xsl:call-template name="sup-th">
                      <xsl:with-param name="key" select="concat('mailbox.supervise.col.', .)"/>
                    </xsl:call-template>
                  </xsl:for-each>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="forwards/forward">
                  <tr>
                    <th scope="row">
                      <xsl:value-of select="department"/>
                    </th>
                    <td>
                      <xsl:call-template name="sup-code">
                        <xsl:with-param name="prefix" select="'mailbox.supervise.fstate.'"/>
                        <xsl:with-param name="code" select="state"/>
                      </xsl:call-template>
                    </td>
                    <td>
                      <xsl:value-of select="limit_days"/>
                      <xsl:if test="extension_days > 0">
                        <xsl:value-of select="concat(' + ', extension_days)"/>
                      </xsl:if>
                    </td>
                    <td class="nowrap">
                      <xsl:value-of select="due"/>
                    </td>
                    <td>
                      <xsl:call-template name="mailbox-light">
                        <xsl:with-param name="light" select="light"/>
                      </xsl:call-template>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">
            <xsl:call-template name="sup-t">
              <xsl:with-param name="key" select="'mailbox.supervise.letter.forwards.empty'"/>
            </xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="sup-history-heading">
      <h2 id="sup-history-heading">
        <xsl:call-template name="sup-t">
          <xsl:with-param name="key" select="'mailbox.supervise.letter.history'"/>
        </xsl:call-template>
      </h2>
      <ol class="item-list">
        <xsl:for-each select="events/event">
          <li>
            <span class="meta">
              <time datetime="{at}">
                <xsl:value-of select="at"/>
              </time>
            </span>
            <xsl:text> </xsl:text>
            <xsl:call-template name="mailbox-code">
              <xsl:with-param name="prefix" select="'mailbox.event.'"/>
              <xsl:with-param name="code" select="kind"/>
            </xsl:call-template>
            <xsl:if test="department != ''">
              <xsl:value-of select="concat(' · ', department)"/>
            </xsl:if>
            <xsl:if test="note != ''">
              <xsl:text>：</xsl:text>
              <xsl:value-of select="note"/>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
    </section>
    <p class="back-link">
      <a href="{$sup-mount}supervise">
        <xsl:call-template name="sup-t">
          <xsl:with-param name="key" select="'mailbox.supervise.letter.back'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- ===== supervise-stats ===== -->

  <xsl:template match="page[@view = 'supervise-stats']" mode="title">
    <xsl:call-template name="sup-t">
      <xsl:with-param name="key" select="'mailbox.supervise.stats.title'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- One row of figures: a department's or the total. -->
  <xsl:template name="sup-stats-cells">
    <xsl:param name="r"/>
    <td>
      <xsl:value-of select="$r/received"/>
    </td>
    <td>
      <xsl:value-of select="$r/replied"/>
    </td>
    <td>
      <xsl:value-of select="$r/on_time"/>
    </td>
    <td>
      <xsl:choose>
        <xsl:when test="$r/on_time_rate != ''">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'mailbox.supervise.stats.percent'"/>
            <xsl:with-param name="n" select="string($r/on_time_rate)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="sup-or-none"/>
        </xsl:otherwise>
      </xsl:choose>
    </td>
    <td>
      <xsl:call-template name="sup-or-none">
        <xsl:with-param name="v" select="$r/avg_days"/>
      </xsl:call-template>
    </td>
    <td>
      <xsl:value-of select="$r/overdue"/>
    </td>
    <td>
      <xsl:value-of select="$r/r5"/>
    </td>
    <td>
      <xsl:value-of select="$r/r4"/>
    </td>
    <td>
      <xsl:value-of select="$r/r3"/>
    </td>
    <td>
      <xsl:value-of select="$r/r2"/>
    </td>
    <td>
      <xsl:value-of select="$r/r1"/>
    </td>
  </xsl:template>

  <xsl:template match="page[@view = 'supervise-stats']" mode="content">
    <xsl:variable name="s" select="stats"/>
    <xsl:variable name="period">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="'mailbox.supervise.stats.period'"/>
        <xsl:with-param name="min" select="string($s/@from)"/>
        <xsl:with-param name="max" select="string($s/@to)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="sup-heading"/>
    <xsl:call-template name="sup-menu"/>
    <p class="lead">
      <xsl:call-template name="sup-t">
        <xsl:with-param name="key" select="'mailbox.supervise.stats.intro'"/>
      </xsl:call-template>
    </p>
    <form class="form filter-form" method="get" action="{$sup-mount}stats"
        accept-charset="UTF-8">
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'from'"/>
        <xsl:with-param name="label" select="'mailbox.supervise.stats.f.from'"/>
        <xsl:with-param name="type" select="'date'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'to'"/>
        <xsl:with-param name="label" select="'mailbox.supervise.stats.f.to'"/>
        <xsl:with-param name="type" select="'date'"/>
      </xsl:call-template>
      <div class="actions">
        <button type="submit" class="button">
          <xsl:call-template name="sup-t">
            <xsl:with-param name="key" select="'mailbox.supervise.filter.submit'"/>
          </xsl:call-template>
        </button>
      </div>
    </form>
    <p>
      <a href="{$sup-mount}stats.csv?from={str:encode-uri(string($s/@from), true())}&amp;to={str:encode-uri(string($s/@to), true())}"
          download="mailbox-stats.csv">
        <xsl:call-template name="sup-t">
          <xsl:with-param name="key" select="'mailbox.supervise.stats.csv'"/>
        </xsl:call-template>
      </a>
    </p>
    <xsl:choose>
      <xsl:when test="$s/department">
        <div class="table-wrap" role="region" aria-labelledby="sup-stats-caption" tabindex="0">
          <table class="data-table">
            <caption id="sup-stats-caption">
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="'mailbox.supervise.stats.caption'"/>
                <xsl:with-param name="s" select="string($period)"/>
              </xsl:call-template>
            </caption>
            <thead>
              <tr>
                <th scope="col" rowspan="2">
                  <xsl:call-template name="sup-t">
                    <xsl:with-param name="key" select="'mailbox.supervise.stats.department'"/>
                  </xsl:call-template>
                </th>
                <xsl:for-each select="str:tokenize('received replied on_time rate avg_days overdue', ' ')">
                  <th scope="col" rowspan="2">
                    <xsl:call-template name="t">
                      <xsl:with-param name="key" select="concat('mailbox.supervise.stats.', .)"/>
                    </xsl:call-template>
                  </th>
                </xsl:for-each>
                <th scope="colgroup" colspan="5">
                  <xsl:call-template name="sup-t">
                    <xsl:with-param name="key" select="'mailbox.supervise.stats.satisfaction'"/>
                  </xsl:call-template>
                </th>
              </tr>
              <tr>
                <xsl:for-each select="str:tokenize('5 4 3 2 1', ' ')">
                  <xsl:call-template name="sup-th">
                    <xsl:with-param name="key" select="concat('evaluate.level.', .)"/>
                  </xsl:call-template>
                </xsl:for-each>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$s/department">
                <tr>
                  <th scope="row">
                    <xsl:value-of select="name"/>
                  </th>
                  <xsl:call-template name="sup-stats-cells">
                    <xsl:with-param name="r" select="."/>
                  </xsl:call-template>
                </tr>
              </xsl:for-each>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">
                  <xsl:call-template name="sup-t">
                    <xsl:with-param name="key" select="'mailbox.supervise.stats.total'"/>
                  </xsl:call-template>
                </th>
                <xsl:call-template name="sup-stats-cells">
                  <xsl:with-param name="r" select="$s/total"/>
                </xsl:call-template>
              </tr>
            </tfoot>
          </table>
        </div>
        <p class="meta">
          <xsl:call-template name="sup-t">
            <xsl:with-param name="key" select="'mailbox.supervise.stats.total.note'"/>
          </xsl:call-template>
        </p>
        <xsl:call-template name="sup-chart">
          <xsl:with-param name="s" select="$s"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty">
          <xsl:call-template name="sup-t">
            <xsl:with-param name="key" select="'mailbox.supervise.stats.empty'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The chart: for each department a bar of letters received (class bar)
    above one of letters replied (class bar-alt), scaled to @max, with the
    department's name at the left and each number at its bar's right.
  -->
  <xsl:template name="sup-chart">
    <xsl:param name="s"/>
    <xsl:variable name="n" select="count($s/department)"/>
    <xsl:variable name="max" select="number($s/@max)"/>
    <xsl:variable name="label-w" select="170"/>
    <xsl:variable name="bar-w" select="380"/>
    <xsl:variable name="row-h" select="44"/>
    <xsl:variable name="top" select="36"/>
    <xsl:variable name="title">
      <xsl:call-template name="sup-t">
        <xsl:with-param name="key" select="'mailbox.supervise.stats.chart'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="received">
      <xsl:call-template name="sup-t">
        <xsl:with-param name="key" select="'mailbox.supervise.stats.received'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="replied">
      <xsl:call-template name="sup-t">
        <xsl:with-param name="key" select="'mailbox.supervise.stats.replied'"/>
      </xsl:call-template>
    </xsl:variable>
    <figure>
      <svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"
          width="{$label-w + $bar-w + 60}" height="{$top + $n * $row-h + 8}"
          viewBox="0 0 {$label-w + $bar-w + 60} {$top + $n * $row-h + 8}"
          aria-labelledby="sup-chart-title sup-chart-desc" aria-label="{$title}">
        <title id="sup-chart-title">
          <xsl:value-of select="$title"/>
        </title>
        <desc id="sup-chart-desc">
          <xsl:call-template name="sup-t">
            <xsl:with-param name="key" select="'mailbox.supervise.stats.chart.desc'"/>
          </xsl:call-template>
        </desc>
        <rect class="bar legend" x="{$label-w}" y="8" width="14" height="14"/>
        <text x="{$label-w + 20}" y="20">
          <xsl:value-of select="$received"/>
        </text>
        <rect class="bar-alt legend" x="{$label-w + 120}" y="8" width="14" height="14"/>
        <text x="{$label-w + 140}" y="20">
          <xsl:value-of select="$replied"/>
        </text>
        <xsl:for-each select="$s/department">
          <xsl:variable name="y" select="$top + (position() - 1) * $row-h"/>
          <xsl:variable name="w1">
            <xsl:choose>
              <xsl:when test="$max > 0">
                <xsl:value-of select="round(number(received) * $bar-w div $max)"/>
              </xsl:when>
              <xsl:otherwise>0</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="w2">
            <xsl:choose>
              <xsl:when test="$max > 0">
                <xsl:value-of select="round(number(replied) * $bar-w div $max)"/>
              </xsl:when>
              <xsl:otherwise>0</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <g>
            <text x="0" y="{$y + 24}">
              <xsl:value-of select="name"/>
            </text>
            <rect class="bar" x="{$label-w}" y="{$y + 4}" width="{$w1}" height="16">
              <title>
                <xsl:value-of select="concat(name, ' ', $received, ' ', received)"/>
              </title>
            </rect>
            <text x="{$label-w + $w1 + 6}" y="{$y + 17}">
              <xsl:value-of select="received"/>
            </text>
            <rect class="bar-alt" x="{$label-w}" y="{$y + 22}" width="{$w2}" height="16">
              <title>
                <xsl:value-of select="concat(name, ' ', $replied, ' ', replied)"/>
              </title>
            </rect>
            <text x="{$label-w + $w2 + 6}" y="{$y + 35}">
              <xsl:value-of select="replied"/>
            </text>
          </g>
        </xsl:for-each>
      </svg>
    </figure>
  </xsl:template>

</xsl:stylesheet>
