<?xml version="1.0" encoding="UTF-8"?>
<!--
  evaluate-rectify.xsl: included by evaluate.xsl.  The 差评 loop
  (modules/evaluate/rectify.c), staff pages only.  Views (/page/@view):

    rectify-desk     GET /desk?state=&light=&department=&after=
                     /page/cases/case (id, state, light, opened, due,
                     closed, kind, no, level, reason, department),
                     /page/pager; /page/departments/department (id, name)
                     for the office's filter only; the filter in
                     /page/values
    rectify-case     GET /desk/{id}, the GET twins of its actions
                     (…/visit, …/rectify, …/appeal), where a refused one
                     comes back (422; someone acted first: message
                     evaluate.rectify.conflict), and
                     GET /office/appeals/{id}/decide
                     /page/case (id, state, light, department_id,
                     department, rating_id, opened, visit_due, visited,
                     visit_note, rectify_due, rectified, rectify_note,
                     public_summary, appealed, appeal_reason, decided,
                     decision_note, decision, due, closed, on_time);
                     /page/rating (id, kind, no, stage, level, the
                     indicators, reason_name, comment, phone, rated,
                     clerk_no, item, campaign, excluded, excluded_at,
                     excluded_reason); /page/history/event (kind, at,
                     staff_no, note); /page/actions/action: the forms to
                     draw (visit, rectify, appeal, decide)
    rectify-appeals  GET /office/appeals
                     /page/cases/case (id, department, kind, no, level,
                     reason, appealed, appeal_reason, appealed_by, due,
                     back_to)

  Every field has its own name across the forms (visit_note,
  rectify_note, public_summary, appeal_reason, decision, decision_note),
  so the "field" template brings back what was typed in the one that was
  refused.  Named templates here begin with "er-"; words are in
  i18n/evaluate-rectify.xml (evaluate.rectify.*).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="exsl str">

  <!-- ===== shared pieces ===== -->

  <xsl:template name="er-t">
    <xsl:param name="key"/>
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="$key"/>
      <xsl:with-param name="s" select="$s"/>
      <xsl:with-param name="n" select="$n"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="er-th">
    <xsl:param name="key"/>
    <th scope="col">
      <xsl:call-template name="er-t">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
    </th>
  </xsl:template>

  <!-- <div><dt/><dd/></div> of a meta-list: the text v, or the nodes value; left out when both are empty. -->
  <xsl:template name="er-meta">
    <xsl:param name="key"/>
    <xsl:param name="v"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($v) != '' or normalize-space($value) != ''">
      <div>
        <dt>
          <xsl:call-template name="er-t">
            <xsl:with-param name="key" select="$key"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:choose>
            <xsl:when test="normalize-space($v) != ''">
              <xsl:value-of select="$v"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:copy-of select="$value"/>
            </xsl:otherwise>
          </xsl:choose>
        </dd>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="er-state">
    <xsl:param name="state"/>
    <xsl:call-template name="er-t">
      <xsl:with-param name="key" select="concat('evaluate.state.', $state)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="er-kind">
    <xsl:param name="kind"/>
    <xsl:if test="normalize-space($kind) != ''">
      <xsl:call-template name="er-t">
        <xsl:with-param name="key" select="concat('evaluate.kind.', $kind)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A case's name in a list: "整改第 N 号", linked to its page. -->
  <xsl:template name="er-case-link">
    <xsl:param name="id"/>
    <a href="{$eval-mount}desk/{$id}">
      <xsl:call-template name="er-t">
        <xsl:with-param name="key" select="'evaluate.rectify.case-no'"/>
        <xsl:with-param name="n" select="string($id)"/>
      </xsl:call-template>
    </a>
  </xsl:template>

  <xsl:template name="er-heading">
    <h1>
      <xsl:apply-templates select="/page" mode="title"/>
    </h1>
  </xsl:template>

  <!-- ===== rectify-desk ===== -->

  <xsl:template match="page[@view = 'rectify-desk']" mode="title">
    <xsl:call-template name="er-t">
      <xsl:with-param name="key" select="'evaluate.rectify.desk.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'rectify-desk']" mode="content">
    <xsl:variable name="office" select="/page/staff/role = 'office'"/>
    <xsl:variable name="state-options">
      <xsl:for-each select="str:tokenize('visit rectify appeal rectified excluded', ' ')">
        <o value="{.}">
          <xsl:call-template name="er-state">
            <xsl:with-param name="state" select="string(.)"/>
          </xsl:call-template>
        </o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="light-options">
      <xsl:for-each select="str:tokenize('red yellow green', ' ')">
        <o value="{.}">
          <xsl:call-template name="er-t">
            <xsl:with-param name="key" select="concat('evaluate.light.', .)"/>
          </xsl:call-template>
        </o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="dept-options">
      <xsl:for-each select="departments/department">
        <o value="{id}"><xsl:value-of select="name"/></o>
      </xsl:for-each>
    </xsl:variable>

    <xsl:call-template name="eval-staff-menu"/>
    <xsl:call-template name="er-heading"/>
    <p>
      <xsl:call-template name="er-t">
        <xsl:with-param name="key">
          <xsl:choose>
            <xsl:when test="$office">evaluate.rectify.desk.intro-office</xsl:when>
            <xsl:otherwise>evaluate.rectify.desk.intro</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="s" select="string(/page/staff/@department-name)"/>
      </xsl:call-template>
    </p>

    <form class="form filter-form" method="get" action="{$eval-mount}desk" accept-charset="UTF-8">
      <fieldset>
        <legend>
          <xsl:call-template name="er-t">
            <xsl:with-param name="key" select="'evaluate.rectify.filter'"/>
          </xsl:call-template>
        </legend>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'state'"/>
          <xsl:with-param name="label" select="'evaluate.rectify.f.state'"/>
          <xsl:with-param name="type" select="'select'"/>
          <xsl:with-param name="options" select="exsl:node-set($state-options)/o"/>
          <xsl:with-param name="empty-label" select="'evaluate.rectify.any'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'light'"/>
          <xsl:with-param name="label" select="'evaluate.rectify.f.light'"/>
          <xsl:with-param name="type" select="'select'"/>
          <xsl:with-param name="options" select="exsl:node-set($light-options)/o"/>
          <xsl:with-param name="empty-label" select="'evaluate.rectify.any'"/>
        </xsl:call-template>
        <xsl:if test="$office">
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'department'"/>
            <xsl:with-param name="label" select="'evaluate.rectify.f.department'"/>
            <xsl:with-param name="type" select="'select'"/>
            <xsl:with-param name="options" select="exsl:node-set($dept-options)/o"/>
            <xsl:with-param name="empty-label" select="'evaluate.rectify.any'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'evaluate.rectify.filter.submit'"/>
        </xsl:call-template>
      </fieldset>
    </form>

    <section aria-labelledby="er-cases-heading">
      <h2 id="er-cases-heading">
        <xsl:call-template name="er-t">
          <xsl:with-param name="key" select="'evaluate.rectify.desk.cases'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="cases/case">
          <div class="table-wrap" role="region" aria-labelledby="er-cases-heading" tabindex="0">
            <table class="data-table">
              <thead>
                <tr>
                  <xsl:call-template name="er-th">
                    <xsl:with-param name="key" select="'evaluate.rectify.col.case'"/>
                  </xsl:call-template>
                  <xsl:if test="$office">
                    <xsl:call-template name="er-th">
                      <xsl:with-param name="key" select="'evaluate.rectify.col.department'"/>
                    </xsl:call-template>
                  </xsl:if>
                  <xsl:for-each select="str:tokenize('kind no level reason state light opened due', ' ')">
                    <xsl:call-template name="er-th">
                      <xsl:with-param name="key" select="concat('evaluate.rectify.col.', .)"/>
                    </xsl:call-template>
                  </xsl:for-each>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="cases/case">
                  <tr>
                    <th scope="row" class="nowrap">
                      <xsl:call-template name="er-case-link">
                        <xsl:with-param name="id" select="id"/>
                      </xsl:call-template>
                    </th>
                    <xsl:if test="$office">
                      <td><xsl:value-of select="department"/></td>
                    </xsl:if>
                    <td>
                      <xsl:call-template name="er-kind">
                        <xsl:with-param name="kind" select="string(kind)"/>
                      </xsl:call-template>
                    </td>
                    <td class="nowrap">
                      <xsl:choose>
                        <xsl:when test="no"><xsl:value-of select="no"/></xsl:when>
                        <xsl:otherwise>—</xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <td>
                      <xsl:call-template name="rating-level">
                        <xsl:with-param name="level" select="string(level)"/>
                      </xsl:call-template>
                    </td>
                    <td><xsl:value-of select="reason"/></td>
                    <td>
                      <xsl:call-template name="er-state">
                        <xsl:with-param name="state" select="string(state)"/>
                      </xsl:call-template>
                    </td>
                    <td>
                      <xsl:call-template name="eval-light">
                        <xsl:with-param name="light" select="string(light)"/>
                      </xsl:call-template>
                    </td>
                    <td class="nowrap">
                      <xsl:call-template name="eval-time">
                        <xsl:with-param name="t" select="string(opened)"/>
                      </xsl:call-template>
                    </td>
                    <td class="nowrap">
                      <xsl:choose>
                        <xsl:when test="closed">
                          <xsl:call-template name="er-t">
                            <xsl:with-param name="key" select="'evaluate.rectify.closed-at'"/>
                          </xsl:call-template>
                          <xsl:call-template name="eval-time">
                            <xsl:with-param name="t" select="string(closed)"/>
                          </xsl:call-template>
                        </xsl:when>
                        <xsl:otherwise>
                          <xsl:call-template name="eval-time">
                            <xsl:with-param name="t" select="string(due)"/>
                          </xsl:call-template>
                        </xsl:otherwise>
                      </xsl:choose>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <xsl:call-template name="pager">
            <xsl:with-param name="query">
              <xsl:for-each select="/page/values/value[@name = 'state' or @name = 'light'
                  or @name = 'department']">
                <xsl:if test="position() > 1">&amp;</xsl:if>
                <xsl:value-of select="concat(@name, '=', str:encode-uri(string(.), true()))"/>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">
            <xsl:call-template name="er-t">
              <xsl:with-param name="key" select="'evaluate.rectify.desk.empty'"/>
            </xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ===== rectify-case ===== -->

  <xsl:template match="page[@view = 'rectify-case']" mode="title">
    <xsl:call-template name="er-t">
      <xsl:with-param name="key" select="'evaluate.rectify.case.title'"/>
      <xsl:with-param name="n" select="string(case/id)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'rectify-case']" mode="content">
    <xsl:variable name="c" select="case"/>
    <xsl:variable name="e" select="rating"/>
    <xsl:call-template name="eval-staff-menu"/>
    <xsl:call-template name="er-heading"/>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'evaluate.rectify.f.'"/>
    </xsl:call-template>

    <dl class="meta-list">
      <xsl:call-template name="er-meta">
        <xsl:with-param name="key" select="'evaluate.rectify.col.state'"/>
        <xsl:with-param name="value">
          <strong>
            <xsl:call-template name="er-state">
              <xsl:with-param name="state" select="string($c/state)"/>
            </xsl:call-template>
          </strong>
          <xsl:if test="$c/light">
            <xsl:text> </xsl:text>
            <xsl:call-template name="eval-light">
              <xsl:with-param name="light" select="string($c/light)"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="er-meta">
        <xsl:with-param name="key" select="'evaluate.rectify.col.department'"/>
        <xsl:with-param name="v" select="string($c/department)"/>
      </xsl:call-template>
      <xsl:for-each select="str:tokenize('opened visit_due rectify_due due closed', ' ')">
        <xsl:variable name="col" select="string(.)"/>
        <xsl:if test="$c/*[local-name() = $col]">
          <xsl:call-template name="er-meta">
            <xsl:with-param name="key" select="concat('evaluate.rectify.case.', $col)"/>
            <xsl:with-param name="value">
              <xsl:call-template name="eval-time">
                <xsl:with-param name="t" select="string($c/*[local-name() = $col])"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="$c/on_time">
        <xsl:call-template name="er-meta">
          <xsl:with-param name="key" select="'evaluate.rectify.case.on_time'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="er-t">
              <xsl:with-param name="key" select="concat('evaluate.rectify.on-time.', $c/on_time)"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </dl>

    <section aria-labelledby="er-rating-heading">
      <h2 id="er-rating-heading">
        <xsl:call-template name="er-t">
          <xsl:with-param name="key" select="'evaluate.rectify.case.rating'"/>
        </xsl:call-template>
      </h2>
      <dl class="meta-list">
        <xsl:call-template name="er-meta">
          <xsl:with-param name="key" select="'evaluate.rectify.col.kind'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="er-kind">
              <xsl:with-param name="kind" select="string($e/kind)"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="er-meta">
          <xsl:with-param name="key" select="'evaluate.rectify.col.no'"/>
          <xsl:with-param name="v" select="string($e/no)"/>
        </xsl:call-template>
        <xsl:call-template name="er-meta">
          <xsl:with-param name="key" select="'evaluate.rectify.case.clerk'"/>
          <xsl:with-param name="v" select="string($e/clerk_no)"/>
        </xsl:call-template>
        <xsl:call-template name="er-meta">
          <xsl:with-param name="key" select="'evaluate.rectify.case.item'"/>
          <xsl:with-param name="v" select="string($e/item)"/>
        </xsl:call-template>
        <xsl:call-template name="er-meta">
          <xsl:with-param name="key" select="'evaluate.rectify.case.campaign'"/>
          <xsl:with-param name="v" select="string($e/campaign)"/>
        </xsl:call-template>
        <xsl:for-each select="$e/*[local-name() = 'level' or local-name() = 'efficiency'
            or local-name() = 'accuracy' or local-name() = 'convenience'
            or local-name() = 'attitude' or local-name() = 'professionalism']">
          <xsl:call-template name="er-meta">
            <xsl:with-param name="key" select="concat('evaluate.f.', local-name())"/>
            <xsl:with-param name="value">
              <strong>
                <xsl:call-template name="rating-level">
                  <xsl:with-param name="level" select="string(.)"/>
                </xsl:call-template>
              </strong>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="er-meta">
          <xsl:with-param name="key" select="'evaluate.f.reason'"/>
          <xsl:with-param name="v" select="string($e/reason_name)"/>
        </xsl:call-template>
        <xsl:call-template name="er-meta">
          <xsl:with-param name="key" select="'evaluate.case.rated-at'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="eval-time">
              <xsl:with-param name="t" select="string($e/rated)"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </dl>
      <xsl:if test="$e/comment">
        <h3>
          <xsl:call-template name="er-t">
            <xsl:with-param name="key" select="'evaluate.f.comment'"/>
          </xsl:call-template>
        </h3>
        <div class="text-body"><xsl:value-of select="$e/comment"/></div>
      </xsl:if>
      <xsl:if test="$e/excluded = '1'">
        <p class="msg msg-warn">
          <xsl:call-template name="er-t">
            <xsl:with-param name="key" select="'evaluate.rectify.case.excluded'"/>
            <xsl:with-param name="s" select="string($e/excluded_reason)"/>
          </xsl:call-template>
        </p>
      </xsl:if>
    </section>

    <!-- The rater's phone, to call back: a staff page only, never a public one. -->
    <section class="msg" aria-labelledby="er-contact-heading">
      <h2 id="er-contact-heading">
        <xsl:call-template name="er-t">
          <xsl:with-param name="key" select="'evaluate.rectify.case.contact'"/>
        </xsl:call-template>
      </h2>
      <p>
        <xsl:choose>
          <xsl:when test="normalize-space($e/phone) != ''">
            <xsl:call-template name="er-t">
              <xsl:with-param name="key" select="'evaluate.rectify.case.phone'"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
            <a href="tel:{translate($e/phone, ' ', '')}">
              <xsl:value-of select="$e/phone"/>
            </a>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="er-t">
              <xsl:with-param name="key" select="'evaluate.rectify.case.no-phone'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </section>

    <xsl:if test="$c/public_summary">
      <section aria-labelledby="er-summary-heading">
        <h2 id="er-summary-heading">
          <xsl:call-template name="er-t">
            <xsl:with-param name="key" select="'evaluate.rectify.case.summary'"/>
          </xsl:call-template>
        </h2>
        <div class="text-body"><xsl:value-of select="$c/public_summary"/></div>
      </section>
    </xsl:if>

    <section aria-labelledby="er-history-heading">
      <h2 id="er-history-heading">
        <xsl:call-template name="er-t">
          <xsl:with-param name="key" select="'evaluate.rectify.case.history'"/>
        </xsl:call-template>
      </h2>
      <ol class="item-list">
        <li>
          <p class="meta">
            <strong>
              <xsl:call-template name="er-t">
                <xsl:with-param name="key" select="'evaluate.rectify.event.opened'"/>
              </xsl:call-template>
            </strong>
            <xsl:text> · </xsl:text>
            <xsl:call-template name="eval-time">
              <xsl:with-param name="t" select="string($c/opened)"/>
            </xsl:call-template>
          </p>
        </li>
        <xsl:for-each select="history/event">
          <li>
            <p class="meta">
              <strong>
                <xsl:call-template name="er-t">
                  <xsl:with-param name="key" select="concat('evaluate.rectify.event.', kind)"/>
                </xsl:call-template>
              </strong>
              <xsl:text> · </xsl:text>
              <xsl:call-template name="eval-time">
                <xsl:with-param name="t" select="string(at)"/>
              </xsl:call-template>
              <xsl:if test="staff_no">
                <xsl:text> · </xsl:text>
                <xsl:call-template name="er-t">
                  <xsl:with-param name="key" select="'evaluate.rectify.staff-no'"/>
                  <xsl:with-param name="s" select="string(staff_no)"/>
                </xsl:call-template>
              </xsl:if>
            </p>
            <xsl:if test="normalize-space(note) != ''">
              <div class="text-body"><xsl:value-of select="note"/></div>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
    </section>

    <xsl:apply-templates select="actions/action" mode="er-form">
      <xsl:with-param name="c" select="$c"/>
    </xsl:apply-templates>
    <xsl:if test="not(actions/action)">
      <p class="notice">
        <xsl:call-template name="er-t">
          <xsl:with-param name="key" select="concat('evaluate.rectify.case.done.', $c/state)"/>
        </xsl:call-template>
      </p>
    </xsl:if>

    <p class="back-link">
      <a href="{$eval-mount}desk">
        <xsl:call-template name="er-t">
          <xsl:with-param name="key" select="'evaluate.rectify.back'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- One action's form in its own section: heading, intro, fields, button. -->
  <xsl:template match="action" mode="er-form">
    <xsl:param name="c"/>
    <xsl:variable name="a" select="string(.)"/>
    <xsl:variable name="action">
      <xsl:choose>
        <xsl:when test="$a = 'decide'">
          <xsl:value-of select="concat($eval-mount, 'office/appeals/', $c/id, '/decide')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat($eval-mount, 'desk/', $c/id, '/', $a)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <section aria-labelledby="er-{$a}-heading">
      <h2 id="er-{$a}-heading">
        <xsl:call-template name="er-t">
          <xsl:with-param name="key" select="concat('evaluate.rectify.', $a, '.heading')"/>
        </xsl:call-template>
      </h2>
      <p class="hint">
        <xsl:call-template name="er-t">
          <xsl:with-param name="key" select="concat('evaluate.rectify.', $a, '.intro')"/>
        </xsl:call-template>
      </p>
      <xsl:if test="$a = 'decide'">
        <div class="text-body"><xsl:value-of select="$c/appeal_reason"/></div>
      </xsl:if>
      <form class="form" method="post" action="{$action}" accept-charset="UTF-8"
          novalidate="novalidate">
        <xsl:call-template name="form-hidden"/>
        <xsl:choose>
          <xsl:when test="$a = 'visit'">
            <xsl:call-template name="er-textarea">
              <xsl:with-param name="name" select="'visit_note'"/>
              <xsl:with-param name="max" select="'1000'"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="$a = 'rectify'">
            <xsl:call-template name="er-textarea">
              <xsl:with-param name="name" select="'rectify_note'"/>
              <xsl:with-param name="max" select="'1000'"/>
            </xsl:call-template>
            <xsl:call-template name="er-textarea">
              <xsl:with-param name="name" select="'public_summary'"/>
              <xsl:with-param name="max" select="'500'"/>
              <xsl:with-param name="rows" select="'3'"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="$a = 'appeal'">
            <xsl:call-template name="er-textarea">
              <xsl:with-param name="name" select="'appeal_reason'"/>
              <xsl:with-param name="max" select="'1000'"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="$a = 'decide'">
            <xsl:call-template name="er-decision"/>
            <xsl:call-template name="er-textarea">
              <xsl:with-param name="name" select="'decision_note'"/>
              <xsl:with-param name="max" select="'500'"/>
              <xsl:with-param name="rows" select="'3'"/>
            </xsl:call-template>
          </xsl:when>
        </xsl:choose>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="concat('evaluate.rectify.', $a, '.submit')"/>
        </xsl:call-template>
      </form>
    </section>
  </xsl:template>

  <!-- A required textarea: label evaluate.rectify.f.NAME, hint evaluate.rectify.h.NAME. -->
  <xsl:template name="er-textarea">
    <xsl:param name="name"/>
    <xsl:param name="max"/>
    <xsl:param name="rows" select="'5'"/>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="label" select="concat('evaluate.rectify.f.', $name)"/>
      <xsl:with-param name="type" select="'textarea'"/>
      <xsl:with-param name="required" select="'yes'"/>
      <xsl:with-param name="hint" select="concat('evaluate.rectify.h.', $name)"/>
      <xsl:with-param name="maxlength" select="$max"/>
      <xsl:with-param name="rows" select="$rows"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The office's decision: uphold or reject, two radio buttons in a fieldset. -->
  <xsl:template name="er-decision">
    <xsl:variable name="chosen" select="string(/page/values/value[@name = 'decision'][1])"/>
    <xsl:variable name="error" select="/page/errors/error[@field = 'decision'][1]"/>
    <fieldset id="f-decision">
      <xsl:attribute name="class">
        <xsl:text>field</xsl:text>
        <xsl:if test="$error"> field-invalid</xsl:if>
      </xsl:attribute>
      <legend>
        <xsl:call-template name="er-t">
          <xsl:with-param name="key" select="'evaluate.rectify.f.decision'"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <span class="req">
          <xsl:call-template name="er-t">
            <xsl:with-param name="key" select="'form.required'"/>
          </xsl:call-template>
        </span>
      </legend>
      <xsl:if test="$error">
        <p class="field-error" id="f-decision-error">
          <span class="visually-hidden">
            <xsl:call-template name="er-t">
              <xsl:with-param name="key" select="'form.error-prefix'"/>
            </xsl:call-template>
          </span>
          <xsl:apply-templates select="$error" mode="text"/>
        </p>
      </xsl:if>
      <xsl:for-each select="str:tokenize('uphold reject', ' ')">
        <div class="field-checkbox">
          <input type="radio" id="f-decision-{.}" name="decision" value="{.}" required="required">
            <xsl:if test="$chosen = string(.)">
              <xsl:attribute name="checked">checked</xsl:attribute>
            </xsl:if>
            <xsl:if test="$error">
              <xsl:attribute name="aria-describedby">f-decision-error</xsl:attribute>
            </xsl:if>
          </input>
          <label for="f-decision-{.}">
            <xsl:call-template name="er-t">
              <xsl:with-param name="key" select="concat('evaluate.rectify.decision.', .)"/>
            </xsl:call-template>
          </label>
        </div>
      </xsl:for-each>
    </fieldset>
  </xsl:template>

  <!-- ===== rectify-appeals ===== -->

  <xsl:template match="page[@view = 'rectify-appeals']" mode="title">
    <xsl:call-template name="er-t">
      <xsl:with-param name="key" select="'evaluate.rectify.appeals.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'rectify-appeals']" mode="content">
    <xsl:call-template name="eval-staff-menu"/>
    <xsl:call-template name="er-heading"/>
    <p>
      <xsl:call-template name="er-t">
        <xsl:with-param name="key" select="'evaluate.rectify.appeals.intro'"/>
      </xsl:call-template>
    </p>
    <xsl:choose>
      <xsl:when test="cases/case">
        <div class="table-wrap" role="region" aria-labelledby="er-appeals-caption" tabindex="0">
          <table class="data-table">
            <caption id="er-appeals-caption">
              <xsl:call-template name="er-t">
                <xsl:with-param name="key" select="'evaluate.rectify.appeals.caption'"/>
                <xsl:with-param name="n" select="string(count(cases/case))"/>
              </xsl:call-template>
            </caption>
            <thead>
              <tr>
                <xsl:for-each select="str:tokenize('case department kind no level reason appealed appealed_by appeal_reason back_to', ' ')">
                  <xsl:call-template name="er-th">
                    <xsl:with-param name="key" select="concat('evaluate.rectify.col.', .)"/>
                  </xsl:call-template>
                </xsl:for-each>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="cases/case">
                <tr>
                  <th scope="row" class="nowrap">
                    <xsl:call-template name="er-case-link">
                      <xsl:with-param name="id" select="id"/>
                    </xsl:call-template>
                  </th>
                  <td><xsl:value-of select="department"/></td>
                  <td>
                    <xsl:call-template name="er-kind">
                      <xsl:with-param name="kind" select="string(kind)"/>
                    </xsl:call-template>
                  </td>
                  <td class="nowrap">
                    <xsl:choose>
                      <xsl:when test="no"><xsl:value-of select="no"/></xsl:when>
                      <xsl:otherwise>—</xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td>
                    <xsl:call-template name="rating-level">
                      <xsl:with-param name="level" select="string(level)"/>
                    </xsl:call-template>
                  </td>
                  <td><xsl:value-of select="reason"/></td>
                  <td class="nowrap">
                    <xsl:call-template name="eval-time">
                      <xsl:with-param name="t" select="string(appealed)"/>
                    </xsl:call-template>
                  </td>
                  <td><xsl:value-of select="appealed_by"/></td>
                  <td><xsl:value-of select="appeal_reason"/></td>
                  <td>
                    <xsl:call-template name="er-state">
                      <xsl:with-param name="state" select="string(back_to)"/>
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
          <xsl:call-template name="er-t">
            <xsl:with-param name="key" select="'evaluate.rectify.appeals.empty'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
