<?xml version="1.0" encoding="UTF-8"?>
<!--
  prereview-review.xsl: included by prereview.xsl.  The departments'
  review and the board (modules/prereview/review.c, board.c).  Views
  (/page/@view; their XML in xslt/schema/prereview-review.rng):

    prereview-desk    GET /desk?show=&light=&department=&after=
                        /page/reviews/review (the overdue first),
                        /page/to-complete/application, the office's
                        /page/departments
    prereview-review  GET /review/{id}[?department=&done=] and the GET
                        twins of its actions (claim, decide, extension,
                        extension/decide, complete), where a refusal comes
                        back: /page/application, fields, materials,
                        verdicts, earlier, events, reviews, acting
    prereview-board   GET /board?department=&light=&after=&done=, and the
                        urge's twin: /page/counts, cases, departments, now

  Staff pages: the application's page shows the applicant's name, ID
  number and phone.  Named templates begin with "prr-".
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" exclude-result-prefixes="exsl">

  <!-- A word from the catalogue. -->
  <xsl:template name="prr-t">
    <xsl:param name="key"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="$key"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A field's error beside it, with the id aria-describedby names. -->
  <xsl:template name="prr-error">
    <xsl:param name="name"/>
    <xsl:variable name="error" select="/page/errors/error[@field = $name][1]"/>
    <xsl:if test="$error">
      <p class="field-error" id="f-{$name}-error">
        <span class="visually-hidden">
          <xsl:call-template name="prr-t">
            <xsl:with-param name="key" select="'form.error-prefix'"/>
          </xsl:call-template>
        </span>
        <xsl:apply-templates select="$error" mode="text"/>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="prr-invalid">
    <xsl:param name="name"/>
    <xsl:if test="/page/errors/error[@field = $name]">
      <xsl:attribute name="aria-invalid">true</xsl:attribute>
      <xsl:attribute name="aria-describedby">
        <xsl:value-of select="concat('f-', $name, '-error')"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!--
    A select whose label is text of the page (a material's name), not a
    key: the verdict on one material.  Its options are the verdicts.
  -->
  <xsl:template name="prr-verdict-select">
    <xsl:param name="seq"/>
    <xsl:param name="label"/>
    <xsl:variable name="name" select="concat('v', $seq)"/>
    <xsl:variable name="value" select="string(/page/values/value[@name = $name][1])"/>
    <div class="field field-select">
      <label for="f-{$name}">
        <xsl:call-template name="prr-t">
          <xsl:with-param name="key" select="'prereview.review.f.verdict-of'"/>
        </xsl:call-template>
        <xsl:value-of select="$label"/>
      </label>
      <select id="f-{$name}" name="{$name}">
        <xsl:call-template name="prr-invalid">
          <xsl:with-param name="name" select="$name"/>
        </xsl:call-template>
        <option value="">
          <xsl:call-template name="prr-t">
            <xsl:with-param name="key" select="'form.choose'"/>
          </xsl:call-template>
        </option>
        <xsl:for-each select="exsl:node-set($prr-verdicts)/v">
          <option value="{.}">
            <xsl:if test=". = $value">
              <xsl:attribute name="selected">selected</xsl:attribute>
            </xsl:if>
            <xsl:call-template name="prr-t">
              <xsl:with-param name="key" select="concat('prereview.verdict.', .)"/>
            </xsl:call-template>
          </option>
        </xsl:for-each>
      </select>
      <xsl:call-template name="prr-error">
        <xsl:with-param name="name" select="$name"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <xsl:variable name="prr-verdicts">
    <v>accepted</v><v>correction</v><v>not_needed</v>
  </xsl:variable>

  <!-- The note of one material's correction. -->
  <xsl:template name="prr-note">
    <xsl:param name="seq"/>
    <xsl:param name="label"/>
    <xsl:variable name="name" select="concat('n', $seq)"/>
    <div class="field field-textarea">
      <label for="f-{$name}">
        <xsl:call-template name="prr-t">
          <xsl:with-param name="key" select="'prereview.review.f.note-of'"/>
        </xsl:call-template>
        <xsl:value-of select="$label"/>
      </label>
      <textarea id="f-{$name}" name="{$name}" rows="2" maxlength="500">
        <xsl:call-template name="prr-invalid">
          <xsl:with-param name="name" select="$name"/>
        </xsl:call-template>
        <xsl:value-of select="/page/values/value[@name = $name][1]"/>
      </textarea>
      <xsl:call-template name="prr-error">
        <xsl:with-param name="name" select="$name"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!--
    The office acts for a department: its id goes in the form's address
    too, so that a refused form comes back on that department's page.
  -->
  <xsl:variable name="prr-dq">
    <xsl:if test="/page/acting/@office = '1'">
      <xsl:value-of select="concat('?department=', /page/acting/@department)"/>
    </xsl:if>
  </xsl:variable>

  <!-- The office acts for a department: its id goes with the form. -->
  <xsl:template name="prr-department-hidden">
    <xsl:if test="/page/acting/@office = '1'">
      <input type="hidden" name="department" value="{/page/acting/@department}"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="prr-review-href">
    <xsl:param name="id"/>
    <xsl:param name="department"/>
    <xsl:value-of select="concat($pr-mount, 'review/', $id)"/>
    <xsl:if test="/page/staff/role = 'office' and string($department) != ''">
      <xsl:value-of select="concat('?department=', $department)"/>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================ desk -->

  <xsl:template match="page[@view = 'prereview-desk']" mode="title">
    <xsl:call-template name="prr-t">
      <xsl:with-param name="key" select="'prereview.desk.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'prereview-desk']" mode="content">
    <xsl:call-template name="pr-staff-menu"/>
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <form class="form form-filter" method="get" action="{$pr-mount}desk">
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'show'"/>
        <xsl:with-param name="label" select="'prereview.desk.f.show'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="empty-label" select="'prereview.desk.show.all'"/>
        <xsl:with-param name="options" select="exsl:node-set($prr-shows)/o"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'light'"/>
        <xsl:with-param name="label" select="'prereview.desk.f.light'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="empty-label" select="'prereview.desk.light.all'"/>
        <xsl:with-param name="options" select="exsl:node-set($prr-lights)/o"/>
      </xsl:call-template>
      <xsl:if test="/page/departments">
        <xsl:call-template name="prr-department-select"/>
      </xsl:if>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'prereview.desk.filter'"/>
      </xsl:call-template>
    </form>
    <xsl:choose>
      <xsl:when test="/page/reviews/review">
        <div class="table-wrap" role="region" tabindex="0"><xsl:attribute name="aria-label"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.desk.caption'"/></xsl:call-template></xsl:attribute>
      <table class="data-table">
          <caption>
            <xsl:call-template name="prr-t">
              <xsl:with-param name="key" select="'prereview.desk.caption'"/>
            </xsl:call-template>
          </caption>
          <thead>
            <tr>
              <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.serial'"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.item'"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.department'"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.state'"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.due'"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.light'"/></xsl:call-template></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="/page/reviews/review">
              <tr>
                <td>
                  <a>
                    <xsl:attribute name="href">
                      <xsl:call-template name="prr-review-href">
                        <xsl:with-param name="id" select="id"/>
                        <xsl:with-param name="department" select="department_id"/>
                      </xsl:call-template>
                    </xsl:attribute>
                    <xsl:value-of select="serial"/>
                  </a>
                  <xsl:if test="round &gt; 1">
                    <xsl:text> </xsl:text>
                    <xsl:call-template name="t">
                      <xsl:with-param name="key" select="'prereview.review.round'"/>
                      <xsl:with-param name="n" select="string(round)"/>
                    </xsl:call-template>
                  </xsl:if>
                </td>
                <td><xsl:value-of select="item"/></td>
                <td><xsl:value-of select="department"/></td>
                <td>
                  <xsl:call-template name="prr-t">
                    <xsl:with-param name="key" select="concat('prereview.review.', state)"/>
                  </xsl:call-template>
                  <xsl:if test="clerk">
                    <xsl:text>（</xsl:text>
                    <xsl:value-of select="clerk"/>
                    <xsl:if test="mine = '1'">
                      <xsl:text>，</xsl:text>
                      <xsl:call-template name="prr-t">
                        <xsl:with-param name="key" select="'prereview.desk.mine'"/>
                      </xsl:call-template>
                    </xsl:if>
                    <xsl:text>）</xsl:text>
                  </xsl:if>
                </td>
                <td><xsl:call-template name="pr-time"><xsl:with-param name="t" select="due"/></xsl:call-template></td>
                <td><xsl:call-template name="pr-light"><xsl:with-param name="light" select="light"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table></div>
        <xsl:call-template name="pager"/>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty">
          <xsl:call-template name="prr-t">
            <xsl:with-param name="key" select="'prereview.desk.none'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="/page/to-complete/application">
      <h2>
        <xsl:call-template name="prr-t">
          <xsl:with-param name="key" select="'prereview.desk.to-complete'"/>
        </xsl:call-template>
      </h2>
      <ul>
        <xsl:for-each select="/page/to-complete/application">
          <li>
            <a href="{$pr-mount}review/{id}"><xsl:value-of select="serial"/></a>
            <xsl:text> </xsl:text>
            <xsl:value-of select="item"/>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <xsl:variable name="prr-shows">
    <o value="waiting"><xsl:call-template name="t"><xsl:with-param name="key" select="'prereview.desk.show.waiting'"/></xsl:call-template></o>
    <o value="claimed"><xsl:call-template name="t"><xsl:with-param name="key" select="'prereview.desk.show.claimed'"/></xsl:call-template></o>
    <o value="mine"><xsl:call-template name="t"><xsl:with-param name="key" select="'prereview.desk.show.mine'"/></xsl:call-template></o>
    <o value="others"><xsl:call-template name="t"><xsl:with-param name="key" select="'prereview.desk.show.others'"/></xsl:call-template></o>
  </xsl:variable>
  <xsl:variable name="prr-lights">
    <o value="green"><xsl:call-template name="t"><xsl:with-param name="key" select="'prereview.light.green'"/></xsl:call-template></o>
    <o value="yellow"><xsl:call-template name="t"><xsl:with-param name="key" select="'prereview.light.yellow'"/></xsl:call-template></o>
    <o value="red"><xsl:call-template name="t"><xsl:with-param name="key" select="'prereview.light.red'"/></xsl:call-template></o>
    <o value="paused"><xsl:call-template name="t"><xsl:with-param name="key" select="'prereview.light.paused'"/></xsl:call-template></o>
  </xsl:variable>

  <!-- The office's department filter (desk, board). -->
  <xsl:template name="prr-department-select">
    <xsl:variable name="value" select="string(/page/values/value[@name = 'department'][1])"/>
    <div class="field field-select">
      <label for="f-department">
        <xsl:call-template name="prr-t">
          <xsl:with-param name="key" select="'prereview.review.col.department'"/>
        </xsl:call-template>
      </label>
      <select id="f-department" name="department">
        <option value="">
          <xsl:call-template name="prr-t">
            <xsl:with-param name="key" select="'prereview.desk.department.all'"/>
          </xsl:call-template>
        </option>
        <xsl:for-each select="/page/departments/department">
          <option value="{id}">
            <xsl:if test="string(id) = $value">
              <xsl:attribute name="selected">selected</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="name"/>
          </option>
        </xsl:for-each>
      </select>
    </div>
  </xsl:template>

  <!-- ================================================================ review -->

  <xsl:template match="page[@view = 'prereview-review']" mode="title">
    <xsl:call-template name="prr-t">
      <xsl:with-param name="key" select="'prereview.review.title'"/>
    </xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:value-of select="/page/application/serial"/>
  </xsl:template>

  <xsl:template name="prr-meta">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <div>
      <dt><xsl:call-template name="prr-t"><xsl:with-param name="key" select="$key"/></xsl:call-template></dt>
      <dd><xsl:copy-of select="$value"/></dd>
    </div>
  </xsl:template>

  <xsl:template match="page[@view = 'prereview-review']" mode="content">
    <xsl:variable name="a" select="/page/application"/>
    <xsl:variable name="act" select="/page/acting"/>
    <xsl:variable name="mine" select="/page/reviews/review[department_id = $act/@department]"/>
    <xsl:call-template name="pr-staff-menu"/>
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <dl class="meta-list">
      <xsl:call-template name="prr-meta">
        <xsl:with-param name="key" select="'prereview.review.col.item'"/>
        <xsl:with-param name="value"><xsl:value-of select="concat($a/item, ' (', $a/item_code, ')')"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="prr-meta">
        <xsl:with-param name="key" select="'prereview.review.col.state'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="prr-t"><xsl:with-param name="key" select="concat('prereview.state.', $a/state)"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'prereview.review.round'"/>
            <xsl:with-param name="n" select="string($a/round)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="prr-meta">
        <xsl:with-param name="key" select="'prereview.review.applicant'"/>
        <xsl:with-param name="value">
          <xsl:value-of select="$a/name"/>
          <xsl:if test="$a/contact"><xsl:value-of select="concat('（', $a/contact, '）')"/></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="prr-meta">
        <xsl:with-param name="key" select="concat('prereview.review.id-number.', $a/applicant_kind)"/>
        <xsl:with-param name="value"><xsl:value-of select="$a/id_number"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="prr-meta">
        <xsl:with-param name="key" select="'prereview.review.phone'"/>
        <xsl:with-param name="value"><xsl:value-of select="$a/phone"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="prr-meta">
        <xsl:with-param name="key" select="'prereview.review.created'"/>
        <xsl:with-param name="value"><xsl:call-template name="pr-time"><xsl:with-param name="t" select="$a/created"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="prr-meta">
        <xsl:with-param name="key" select="'prereview.review.col.due'"/>
        <xsl:with-param name="value"><xsl:call-template name="pr-time"><xsl:with-param name="t" select="$a/due"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:for-each select="/page/fields/field">
        <div>
          <dt><xsl:value-of select="label"/></dt>
          <dd><xsl:value-of select="value"/></dd>
        </div>
      </xsl:for-each>
    </dl>
    <xsl:if test="$a/notice">
      <h2><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.notice'"/></xsl:call-template></h2>
      <p class="notice"><xsl:value-of select="$a/notice"/></p>
    </xsl:if>
    <xsl:if test="$a/reject_reason">
      <h2><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.reject-reason'"/></xsl:call-template></h2>
      <p class="notice"><xsl:value-of select="$a/reject_reason"/></p>
    </xsl:if>

    <h2><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.materials'"/></xsl:call-template></h2>
    <div class="table-wrap" role="region" tabindex="0"><xsl:attribute name="aria-label"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.materials'"/></xsl:call-template></xsl:attribute>
      <table class="data-table">
      <thead>
        <tr>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.material'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.file'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.verdicts'"/></xsl:call-template></th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="/page/materials/material">
          <xsl:variable name="up" select="string(upload)"/>
          <tr>
            <td><xsl:value-of select="concat(seq, '. ', name)"/></td>
            <td>
              <xsl:choose>
                <xsl:when test="file">
                  <a href="{$pr-mount}review/{$a/id}/file/{upload}"><xsl:value-of select="file"/></a>
                </xsl:when>
                <xsl:otherwise>—</xsl:otherwise>
              </xsl:choose>
            </td>
            <td>
              <xsl:for-each select="/page/verdicts/verdict[upload = $up]">
                <p>
                  <xsl:value-of select="concat(department, '：')"/>
                  <xsl:call-template name="prr-t"><xsl:with-param name="key" select="concat('prereview.verdict.', verdict)"/></xsl:call-template>
                  <xsl:if test="note"><xsl:value-of select="concat('（', note, '）')"/></xsl:if>
                </p>
              </xsl:for-each>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table></div>

    <h2><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.reviews'"/></xsl:call-template></h2>
    <div class="table-wrap" role="region" tabindex="0"><xsl:attribute name="aria-label"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.reviews'"/></xsl:call-template></xsl:attribute>
      <table class="data-table">
      <thead>
        <tr>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.department'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.state'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.due'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.light'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.extension'"/></xsl:call-template></th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="/page/reviews/review">
          <tr>
            <td><xsl:value-of select="department"/></td>
            <td>
              <xsl:call-template name="prr-t"><xsl:with-param name="key" select="concat('prereview.review.', state)"/></xsl:call-template>
              <xsl:if test="clerk"><xsl:value-of select="concat('（', clerk, '）')"/></xsl:if>
              <xsl:if test="reason"><xsl:value-of select="concat('：', reason)"/></xsl:if>
            </td>
            <td><xsl:call-template name="pr-time"><xsl:with-param name="t" select="due"/></xsl:call-template></td>
            <td><xsl:call-template name="pr-light"><xsl:with-param name="light" select="light"/></xsl:call-template></td>
            <td>
              <xsl:call-template name="prr-t"><xsl:with-param name="key" select="concat('prereview.review.ext-state.', ext_state)"/></xsl:call-template>
              <xsl:if test="ext_days"><xsl:value-of select="concat(' ', ext_days)"/></xsl:if>
              <xsl:if test="ext_reason"><xsl:value-of select="concat('：', ext_reason)"/></xsl:if>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table></div>

    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'prereview.review.f.'"/>
    </xsl:call-template>

    <!-- The acting department's forms. -->
    <xsl:if test="$mine and $a/state = 'review'">
      <xsl:if test="$mine/state = 'waiting'">
        <form class="form" method="post" action="{$pr-mount}review/{$a/id}/claim{$prr-dq}">
          <xsl:call-template name="form-hidden"/>
          <xsl:call-template name="prr-department-hidden"/>
          <xsl:call-template name="submit">
            <xsl:with-param name="label" select="'prereview.review.claim'"/>
          </xsl:call-template>
        </form>
      </xsl:if>
      <xsl:if test="$mine/state = 'claimed' and ($mine/clerk_id = $act/@staff or $act/@office = '1')">
        <h2><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.decide'"/></xsl:call-template></h2>
        <form class="form" method="post" action="{$pr-mount}review/{$a/id}/decide{$prr-dq}">
          <xsl:call-template name="form-hidden"/>
          <xsl:call-template name="prr-department-hidden"/>
          <xsl:for-each select="/page/materials/material[upload]">
            <fieldset>
              <legend><xsl:value-of select="concat(seq, '. ', name)"/></legend>
              <xsl:call-template name="prr-verdict-select">
                <xsl:with-param name="seq" select="seq"/>
                <xsl:with-param name="label" select="name"/>
              </xsl:call-template>
              <xsl:call-template name="prr-note">
                <xsl:with-param name="seq" select="seq"/>
                <xsl:with-param name="label" select="name"/>
              </xsl:call-template>
            </fieldset>
          </xsl:for-each>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'decision'"/>
            <xsl:with-param name="label" select="'prereview.review.f.decision'"/>
            <xsl:with-param name="type" select="'select'"/>
            <xsl:with-param name="required" select="'yes'"/>
            <xsl:with-param name="options" select="exsl:node-set($prr-decisions)/o"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'reason'"/>
            <xsl:with-param name="label" select="'prereview.review.f.reason'"/>
            <xsl:with-param name="type" select="'textarea'"/>
            <xsl:with-param name="hint" select="'prereview.review.f.reason.hint'"/>
            <xsl:with-param name="rows" select="'3'"/>
            <xsl:with-param name="maxlength" select="'1000'"/>
          </xsl:call-template>
          <xsl:call-template name="submit">
            <xsl:with-param name="label" select="'prereview.review.decide.submit'"/>
          </xsl:call-template>
        </form>
      </xsl:if>
    </xsl:if>
    <xsl:if test="$mine and ($mine/state = 'waiting' or $mine/state = 'claimed') and $mine/ext_state != 'asked'">
      <h2><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.extension'"/></xsl:call-template></h2>
      <form class="form" method="post" action="{$pr-mount}review/{$a/id}/extension{$prr-dq}">
        <xsl:call-template name="form-hidden"/>
        <xsl:call-template name="prr-department-hidden"/>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'days'"/>
          <xsl:with-param name="label" select="'prereview.review.f.days'"/>
          <xsl:with-param name="type" select="'number'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'ext_reason'"/>
          <xsl:with-param name="label" select="'prereview.review.f.ext_reason'"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="rows" select="'2'"/>
          <xsl:with-param name="maxlength" select="'500'"/>
        </xsl:call-template>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'prereview.review.extension.submit'"/>
        </xsl:call-template>
      </form>
    </xsl:if>
    <xsl:if test="$act/@office = '1'">
      <xsl:for-each select="/page/reviews/review[ext_state = 'asked']">
        <form class="form" method="post" action="{$pr-mount}review/{$a/id}/extension/decide">
          <xsl:call-template name="form-hidden"/>
          <input type="hidden" name="department" value="{department_id}"/>
          <fieldset>
            <legend>
              <xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.extension.decide'"/></xsl:call-template>
              <xsl:value-of select="concat(department, ' +', ext_days)"/>
            </legend>
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="'ext_decision'"/>
              <xsl:with-param name="label" select="'prereview.review.f.ext_decision'"/>
              <xsl:with-param name="type" select="'select'"/>
              <xsl:with-param name="required" select="'yes'"/>
              <xsl:with-param name="options" select="exsl:node-set($prr-ext-decisions)/o"/>
            </xsl:call-template>
          </fieldset>
          <xsl:call-template name="submit"/>
        </form>
      </xsl:for-each>
    </xsl:if>
    <xsl:if test="$act/@complete = '1' and $a/state = 'passed'">
      <form class="form" method="post" action="{$pr-mount}review/{$a/id}/complete">
        <xsl:call-template name="form-hidden"/>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'prereview.review.complete'"/>
        </xsl:call-template>
      </form>
    </xsl:if>

    <h2><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.history'"/></xsl:call-template></h2>
    <xsl:if test="/page/earlier/upload">
      <ul>
        <xsl:for-each select="/page/earlier/upload">
          <xsl:variable name="up" select="string(upload)"/>
          <li>
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'prereview.review.round'"/>
              <xsl:with-param name="n" select="string(round)"/>
            </xsl:call-template>
            <xsl:value-of select="concat(' ', seq, '. ', name, ' ')"/>
            <xsl:if test="file">
              <a href="{$pr-mount}review/{$a/id}/file/{upload}"><xsl:value-of select="file"/></a>
            </xsl:if>
            <xsl:for-each select="/page/verdicts/verdict[upload = $up]">
              <xsl:value-of select="concat(' ', department, '：')"/>
              <xsl:call-template name="prr-t"><xsl:with-param name="key" select="concat('prereview.verdict.', verdict)"/></xsl:call-template>
              <xsl:if test="note"><xsl:value-of select="concat('（', note, '）')"/></xsl:if>
            </xsl:for-each>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
    <ol class="events">
      <xsl:for-each select="/page/events/event">
        <li>
          <xsl:call-template name="pr-time"><xsl:with-param name="t" select="at"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="prr-t"><xsl:with-param name="key" select="concat('prereview.review.event.', kind)"/></xsl:call-template>
          <xsl:if test="department"><xsl:value-of select="concat(' ', department)"/></xsl:if>
          <xsl:if test="staff"><xsl:value-of select="concat(' ', staff)"/></xsl:if>
          <xsl:if test="note">
            <xsl:text>：</xsl:text>
            <xsl:choose>
              <!-- A department's decision, an extension's answer: words, not codes. -->
              <xsl:when test="kind = 'verdict'">
                <xsl:call-template name="prr-t"><xsl:with-param name="key" select="concat('prereview.review.', note)"/></xsl:call-template>
              </xsl:when>
              <xsl:when test="kind = 'extension' and (note = 'approved' or note = 'refused')">
                <xsl:call-template name="prr-t"><xsl:with-param name="key" select="concat('prereview.review.ext-state.', note)"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="note"/></xsl:otherwise>
            </xsl:choose>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <xsl:variable name="prr-decisions">
    <o value="passed"><xsl:call-template name="t"><xsl:with-param name="key" select="'prereview.review.passed'"/></xsl:call-template></o>
    <o value="correction"><xsl:call-template name="t"><xsl:with-param name="key" select="'prereview.review.correction'"/></xsl:call-template></o>
    <o value="rejected"><xsl:call-template name="t"><xsl:with-param name="key" select="'prereview.review.rejected'"/></xsl:call-template></o>
  </xsl:variable>
  <xsl:variable name="prr-ext-decisions">
    <o value="approve"><xsl:call-template name="t"><xsl:with-param name="key" select="'prereview.review.ext.approve'"/></xsl:call-template></o>
    <o value="refuse"><xsl:call-template name="t"><xsl:with-param name="key" select="'prereview.review.ext.refuse'"/></xsl:call-template></o>
  </xsl:variable>

  <!-- ================================================================ board -->

  <xsl:template match="page[@view = 'prereview-board']" mode="title">
    <xsl:call-template name="prr-t">
      <xsl:with-param name="key" select="'prereview.board.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'prereview-board']" mode="content">
    <xsl:call-template name="pr-staff-menu"/>
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <div class="table-wrap" role="region" tabindex="0"><xsl:attribute name="aria-label"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.board.counts'"/></xsl:call-template></xsl:attribute>
      <table class="data-table">
      <caption><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.board.counts'"/></xsl:call-template></caption>
      <thead>
        <tr>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.department'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="pr-light"><xsl:with-param name="light" select="'green'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="pr-light"><xsl:with-param name="light" select="'yellow'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="pr-light"><xsl:with-param name="light" select="'red'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="pr-light"><xsl:with-param name="light" select="'paused'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.board.total'"/></xsl:call-template></th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="/page/counts/department">
          <tr>
            <th scope="row"><a href="{$pr-mount}board?department={id}"><xsl:value-of select="name"/></a></th>
            <td><xsl:value-of select="green"/></td>
            <td><xsl:value-of select="yellow"/></td>
            <td><xsl:value-of select="red"/></td>
            <td><xsl:value-of select="paused"/></td>
            <td><xsl:value-of select="total"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table></div>
    <form class="form form-filter" method="get" action="{$pr-mount}board">
      <xsl:call-template name="prr-department-select"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'light'"/>
        <xsl:with-param name="label" select="'prereview.desk.f.light'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="empty-label" select="'prereview.desk.light.all'"/>
        <xsl:with-param name="options" select="exsl:node-set($prr-lights)/o"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'prereview.desk.filter'"/>
      </xsl:call-template>
    </form>
    <div class="table-wrap" role="region" tabindex="0"><xsl:attribute name="aria-label"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.board.cases'"/></xsl:call-template></xsl:attribute>
      <table class="data-table">
      <caption><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.board.cases'"/></xsl:call-template></caption>
      <thead>
        <tr>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.serial'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.item'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.department'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.due'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.review.col.light'"/></xsl:call-template></th>
          <th scope="col"><xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.board.urge'"/></xsl:call-template></th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="/page/cases/case">
          <tr>
            <td><a href="{$pr-mount}review/{id}"><xsl:value-of select="serial"/></a></td>
            <td><xsl:value-of select="item"/></td>
            <td><xsl:value-of select="department"/></td>
            <td><xsl:call-template name="pr-time"><xsl:with-param name="t" select="due"/></xsl:call-template></td>
            <td><xsl:call-template name="pr-light"><xsl:with-param name="light" select="light"/></xsl:call-template></td>
            <td>
              <xsl:if test="state = 'waiting' or state = 'claimed'">
                <form method="post" action="{$pr-mount}review/{id}/urge">
                  <xsl:call-template name="form-hidden"/>
                  <input type="hidden" name="department" value="{department_id}"/>
                  <button type="submit" class="button button-secondary">
                    <xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.board.urge'"/></xsl:call-template>
                    <span class="visually-hidden"><xsl:value-of select="concat(' ', serial, ' ', department)"/></span>
                  </button>
                </form>
              </xsl:if>
              <xsl:if test="urged">
                <xsl:call-template name="prr-t"><xsl:with-param name="key" select="'prereview.board.urged'"/></xsl:call-template>
                <xsl:call-template name="pr-time"><xsl:with-param name="t" select="urged"/></xsl:call-template>
              </xsl:if>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table></div>
    <xsl:call-template name="pager"/>
  </xsl:template>

</xsl:stylesheet>
