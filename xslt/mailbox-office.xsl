<?xml version="1.0" encoding="UTF-8"?>
<!--
  mailbox-office.xsl: included by mailbox.xsl.  The information office's
  and the departments' pages (modules/mailbox/office.c, dept.c).  Views
  (/page/@view):

    office-inbox   GET /office?state=&after=
                   /page/letters/letter (id, tracking_no, type, category,
                   subject, state, created, due, light), /page/pager; the
                   filter in /page/values (state)
    office-letter  GET /office/{id} and the GET twins of its actions
                   (/office/{id}/accept, …/forwards/{fid}/review, …)
                   /page/letter (id, tracking_no, type, category, department,
                   subject, body, name, mobile, email, address, agree_public,
                   state, reject_reason, reject_note, merged_into(_id),
                   created, accepted, forwarded, due, replied, reply,
                   reply_department, reply_days, has_public, published,
                   published_at, followup, urge_count, light);
                   /page/evaluation (rating.xsl: the writer's rating, once
                   given, without its link);
                   /page/attachments/attachment (id, name, type, size);
                   /page/forwards/forward (id, department_id, department,
                   state, light, instruction, limit_days, extension_days,
                   due, created, draft, drafted_by, drafted, sendback_note,
                   return_reason, ext_state, ext_days, ext_reason);
                   /page/events/event (at, kind, department, staff, note,
                   public); /page/reasons/reason (id, name);
                   /page/departments/department/@id|@name; the forward
                   form's default limit in /page/values (limit_days).
                   Action forms show by state and only to role office.
    office-public  GET|POST /office/{id}/public
                   /page/letter (id, tracking_no, subject, body, reply,
                   name, state, agree_public, published, published_at);
                   /page/public-version/@saved (1: saved, 0: proposed by
                   masking) with subject, body, reply; the form's values
                   (public_subject, public_body, public_reply)
    dept-list      GET /dept?state=&after=
                   /page/department-name, /page/forwards/forward (id,
                   tracking_no, type, subject, state, ext_state, created,
                   due, light), /page/pager
    dept-forward   GET /dept/{fid} and the GET twins of its actions
                   /page/forward (id, letter_id, department, state, light,
                   instruction, limit_days, extension_days, due, created,
                   draft, drafted_by, drafted, base_at, sendback_note,
                   return_reason, ext_state, ext_days, ext_reason,
                   tracking_no, type, category, subject, body, name, mobile,
                   email, letter_created); /page/attachments/attachment;
                   /page/events/event (at, kind, staff, note)

  When someone acted first, the page comes back (422) with the message
  mailbox.office.conflict and the state as it now is.  Every form carries
  form-hidden (CSRF and idempotency key).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" exclude-result-prefixes="exsl">

  <xsl:variable name="office-mount" select="string(/page/site/@mount)"/>
  <xsl:variable name="office-is-office" select="/page/staff/role = 'office'"/>

  <!-- ===== pieces ===== -->

  <xsl:template name="office-text">
    <xsl:param name="key"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="$key"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="office-th">
    <xsl:param name="key"/>
    <th scope="col">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
    </th>
  </xsl:template>

  <!-- One <div><dt/><dd/></div> of a meta-list, left out when v is empty. -->
  <xsl:template name="office-meta">
    <xsl:param name="key"/>
    <xsl:param name="v"/>
    <xsl:if test="normalize-space($v) != ''">
      <div>
        <dt>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="$key"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:value-of select="$v"/>
        </dd>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- A form that posts to path with one submit button and no fields. -->
  <xsl:template name="office-button">
    <xsl:param name="path"/>
    <xsl:param name="key"/>
    <form class="form" method="post" action="{$office-mount}{$path}">
      <xsl:call-template name="form-hidden"/>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="$key"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <xsl:template name="office-state">
    <xsl:param name="code"/>
    <xsl:call-template name="mailbox-code">
      <xsl:with-param name="prefix" select="'mailbox.state.'"/>
      <xsl:with-param name="code" select="$code"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="office-fstate">
    <xsl:param name="code"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="concat('mailbox.office.fstate.', $code)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="office-type">
    <xsl:param name="code"/>
    <xsl:call-template name="mailbox-code">
      <xsl:with-param name="prefix" select="'mailbox.type.'"/>
      <xsl:with-param name="code" select="$code"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Text with its line breaks, as the writer or clerk typed it. -->
  <xsl:template name="office-body">
    <xsl:param name="v"/>
    <div class="text-body">
      <xsl:call-template name="office-lines">
        <xsl:with-param name="s" select="string($v)"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <xsl:template name="office-lines">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&#10;')">
        <p><xsl:value-of select="substring-before($s, '&#10;')"/></p>
        <xsl:call-template name="office-lines">
          <xsl:with-param name="s" select="substring-after($s, '&#10;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:value-of select="$s"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="office-history">
    <xsl:if test="/page/events/event">
      <h2 id="office-history-heading">
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.office.history'"/>
        </xsl:call-template>
      </h2>
      <!-- Scrolls sideways on a phone: a labelled region that takes focus, to scroll by keyboard. -->
      <div class="table-wrap" role="region" aria-labelledby="office-history-heading" tabindex="0">
        <table class="data-table">
          <thead>
            <tr>
              <xsl:call-template name="office-th">
                <xsl:with-param name="key" select="'mailbox.office.at'"/>
              </xsl:call-template>
              <xsl:call-template name="office-th">
                <xsl:with-param name="key" select="'mailbox.office.event'"/>
              </xsl:call-template>
              <xsl:call-template name="office-th">
                <xsl:with-param name="key" select="'mailbox.office.by'"/>
              </xsl:call-template>
              <xsl:call-template name="office-th">
                <xsl:with-param name="key" select="'mailbox.office.note'"/>
              </xsl:call-template>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="/page/events/event">
              <tr>
                <td class="nowrap"><xsl:value-of select="at"/></td>
                <td>
                  <xsl:call-template name="mailbox-code">
                    <xsl:with-param name="prefix" select="'mailbox.event.'"/>
                    <xsl:with-param name="code" select="kind"/>
                  </xsl:call-template>
                  <xsl:if test="public = '1'">
                    <xsl:text> </xsl:text>
                    <span class="tag">
                      <xsl:call-template name="office-text">
                        <xsl:with-param name="key" select="'mailbox.office.event.public'"/>
                      </xsl:call-template>
                    </span>
                  </xsl:if>
                </td>
                <td>
                  <xsl:value-of select="staff"/>
                  <xsl:if test="department != ''">
                    <xsl:text> </xsl:text>
                    <span class="meta"><xsl:value-of select="department"/></span>
                  </xsl:if>
                </td>
                <td><xsl:value-of select="note"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="office-attachments">
    <xsl:param name="base"/>
    <xsl:if test="/page/attachments/attachment">
      <h2>
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.office.attachments'"/>
        </xsl:call-template>
      </h2>
      <ul class="item-list">
        <xsl:for-each select="/page/attachments/attachment">
          <li>
            <a href="{$office-mount}{$base}/file/{id}"><xsl:value-of select="name"/></a>
            <xsl:text> </xsl:text>
            <span class="meta">
              <xsl:value-of select="type"/>
              <xsl:text>, </xsl:text>
              <xsl:call-template name="human-size">
                <xsl:with-param name="bytes" select="size"/>
              </xsl:call-template>
            </span>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- The writer's contact data: staff pages only. -->
  <xsl:template name="office-writer">
    <xsl:param name="l"/>
    <xsl:call-template name="office-meta">
      <xsl:with-param name="key" select="'mailbox.office.name'"/>
      <xsl:with-param name="v" select="$l/name"/>
    </xsl:call-template>
    <xsl:call-template name="office-meta">
      <xsl:with-param name="key" select="'mailbox.office.mobile'"/>
      <xsl:with-param name="v" select="$l/mobile"/>
    </xsl:call-template>
    <xsl:call-template name="office-meta">
      <xsl:with-param name="key" select="'mailbox.office.email'"/>
      <xsl:with-param name="v" select="$l/email"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A state filter's option, chosen when it is the filter in force. -->
  <xsl:template name="office-option">
    <xsl:param name="v"/>
    <xsl:param name="prefix" select="'mailbox.state.'"/>
    <option value="{$v}">
      <xsl:if test="/page/values/value[@name = 'state'] = $v">
        <xsl:attribute name="selected">selected</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="concat($prefix, $v)"/>
      </xsl:call-template>
    </option>
  </xsl:template>

  <!-- ===== office-inbox ===== -->

  <xsl:template match="page[@view = 'office-inbox']" mode="title">
    <xsl:call-template name="office-text">
      <xsl:with-param name="key" select="'mailbox.office.inbox.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'office-inbox']" mode="content">
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <p>
      <a href="{$office-mount}office/lists">
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.lists.title'"/>
        </xsl:call-template>
      </a>
    </p>
    <form class="filter-form" method="get" action="{$office-mount}office">
      <div class="field field-select">
        <label for="f-state">
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.state'"/>
          </xsl:call-template>
        </label>
        <select id="f-state" name="state">
          <option value="">
            <xsl:call-template name="office-text">
              <xsl:with-param name="key" select="'mailbox.office.inbox.all'"/>
            </xsl:call-template>
          </option>
          <xsl:call-template name="office-option">
            <xsl:with-param name="v" select="'received'"/>
          </xsl:call-template>
          <xsl:call-template name="office-option">
            <xsl:with-param name="v" select="'accepted'"/>
          </xsl:call-template>
          <xsl:call-template name="office-option">
            <xsl:with-param name="v" select="'forwarded'"/>
          </xsl:call-template>
        </select>
      </div>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'mailbox.office.filter'"/>
      </xsl:call-template>
    </form>
    <xsl:choose>
      <xsl:when test="letters/letter">
        <div class="table-wrap" role="region" tabindex="0">
          <xsl:attribute name="aria-label">
            <xsl:apply-templates select="/page" mode="title"/>
          </xsl:attribute>
          <table class="data-table">
            <thead>
              <tr>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.light'"/>
                </xsl:call-template>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.no'"/>
                </xsl:call-template>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.subject'"/>
                </xsl:call-template>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.type'"/>
                </xsl:call-template>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.category'"/>
                </xsl:call-template>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.state'"/>
                </xsl:call-template>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.created'"/>
                </xsl:call-template>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.due'"/>
                </xsl:call-template>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="letters/letter">
                <tr>
                  <td>
                    <xsl:call-template name="mailbox-light">
                      <xsl:with-param name="light" select="light"/>
                    </xsl:call-template>
                  </td>
                  <td class="nowrap"><xsl:value-of select="tracking_no"/></td>
                  <th scope="row">
                    <a href="{$office-mount}office/{id}"><xsl:value-of select="subject"/></a>
                  </th>
                  <td>
                    <xsl:call-template name="office-type">
                      <xsl:with-param name="code" select="type"/>
                    </xsl:call-template>
                  </td>
                  <td><xsl:value-of select="category"/></td>
                  <td>
                    <xsl:call-template name="office-state">
                      <xsl:with-param name="code" select="state"/>
                    </xsl:call-template>
                  </td>
                  <td class="nowrap"><xsl:value-of select="created"/></td>
                  <td class="nowrap"><xsl:value-of select="due"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:call-template name="pager">
          <xsl:with-param name="query">
            <xsl:if test="/page/values/value[@name = 'state'] != ''">
              <xsl:value-of select="concat('state=', /page/values/value[@name = 'state'])"/>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty">
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.inbox.empty'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== office-letter ===== -->

  <xsl:template match="page[@view = 'office-letter']" mode="title">
    <xsl:value-of select="concat(letter/tracking_no, ' ', letter/subject)"/>
  </xsl:template>

  <xsl:template match="page[@view = 'office-letter']" mode="content">
    <xsl:variable name="l" select="letter"/>
    <xsl:variable name="st" select="string($l/state)"/>
    <xsl:variable name="base" select="concat('office/', $l/id)"/>
    <p class="back-link">
      <a href="{$office-mount}office">
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.office.back'"/>
        </xsl:call-template>
      </a>
    </p>
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'mailbox.office.f.'"/>
    </xsl:call-template>
    <dl class="meta-list">
      <div>
        <dt>
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.state'"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:call-template name="office-state">
            <xsl:with-param name="code" select="$st"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="mailbox-light">
            <xsl:with-param name="light" select="$l/light"/>
          </xsl:call-template>
        </dd>
      </div>
      <div>
        <dt>
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.type'"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:call-template name="office-type">
            <xsl:with-param name="code" select="$l/type"/>
          </xsl:call-template>
        </dd>
      </div>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.category'"/>
        <xsl:with-param name="v" select="$l/category"/>
      </xsl:call-template>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.department'"/>
        <xsl:with-param name="v" select="$l/department"/>
      </xsl:call-template>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.created'"/>
        <xsl:with-param name="v" select="$l/created"/>
      </xsl:call-template>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.due'"/>
        <xsl:with-param name="v" select="$l/due"/>
      </xsl:call-template>
      <xsl:call-template name="office-writer">
        <xsl:with-param name="l" select="$l"/>
      </xsl:call-template>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.address'"/>
        <xsl:with-param name="v" select="$l/address"/>
      </xsl:call-template>
      <div>
        <dt>
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.agree'"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="concat('mailbox.office.yesno.', $l/agree_public)"/>
          </xsl:call-template>
        </dd>
      </div>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.reject-reason'"/>
        <xsl:with-param name="v" select="$l/reject_reason"/>
      </xsl:call-template>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.reject-note'"/>
        <xsl:with-param name="v" select="$l/reject_note"/>
      </xsl:call-template>
      <xsl:if test="$l/merged_into != ''">
        <div>
          <dt>
            <xsl:call-template name="office-text">
              <xsl:with-param name="key" select="'mailbox.office.merged-into'"/>
            </xsl:call-template>
          </dt>
          <dd>
            <a href="{$office-mount}office/{$l/merged_into_id}"><xsl:value-of select="$l/merged_into"/></a>
          </dd>
        </div>
      </xsl:if>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.replied'"/>
        <xsl:with-param name="v" select="$l/replied"/>
      </xsl:call-template>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.reply-department'"/>
        <xsl:with-param name="v" select="$l/reply_department"/>
      </xsl:call-template>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.reply-days'"/>
        <xsl:with-param name="v" select="$l/reply_days"/>
      </xsl:call-template>
      <xsl:if test="$l/published = '1'">
        <xsl:call-template name="office-meta">
          <xsl:with-param name="key" select="'mailbox.office.published'"/>
          <xsl:with-param name="v" select="$l/published_at"/>
        </xsl:call-template>
      </xsl:if>
    </dl>

    <h2>
      <xsl:call-template name="office-text">
        <xsl:with-param name="key" select="'mailbox.office.body'"/>
      </xsl:call-template>
    </h2>
    <xsl:call-template name="office-body">
      <xsl:with-param name="v" select="$l/body"/>
    </xsl:call-template>
    <xsl:call-template name="office-attachments">
      <xsl:with-param name="base" select="$base"/>
    </xsl:call-template>
    <xsl:if test="$l/reply != ''">
      <h2>
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.office.reply'"/>
        </xsl:call-template>
      </h2>
      <xsl:call-template name="office-body">
        <xsl:with-param name="v" select="$l/reply"/>
      </xsl:call-template>
    </xsl:if>

    <!-- The writer's rating (rating.xsl), once given. -->
    <xsl:apply-templates select="/page/evaluation[rating]"/>

    <xsl:if test="$l/followup != ''">
      <section aria-labelledby="writer-feedback">
        <h2 id="writer-feedback">
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.feedback'"/>
          </xsl:call-template>
        </h2>
        <xsl:if test="$l/followup != ''">
          <h3>
            <xsl:call-template name="office-text">
              <xsl:with-param name="key" select="'mailbox.office.followup'"/>
            </xsl:call-template>
          </h3>
          <xsl:call-template name="office-body">
            <xsl:with-param name="v" select="$l/followup"/>
          </xsl:call-template>
          <xsl:choose>
            <xsl:when test="$l/followup_reply != ''">
              <h3>
                <xsl:call-template name="office-text">
                  <xsl:with-param name="key" select="'mailbox.office.followup-reply'"/>
                </xsl:call-template>
              </h3>
              <xsl:call-template name="office-body">
                <xsl:with-param name="v" select="$l/followup_reply"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:when test="$office-is-office">
              <form class="form" method="post" action="{$office-mount}{$base}/followup">
                <xsl:call-template name="form-hidden"/>
                <xsl:call-template name="field">
                  <xsl:with-param name="name" select="'followup_reply'"/>
                  <xsl:with-param name="label" select="'mailbox.office.f.followup_reply'"/>
                  <xsl:with-param name="type" select="'textarea'"/>
                  <xsl:with-param name="rows" select="'4'"/>
                  <xsl:with-param name="required" select="'yes'"/>
                  <xsl:with-param name="maxlength" select="'3000'"/>
                </xsl:call-template>
                <xsl:call-template name="submit">
                  <xsl:with-param name="label" select="'mailbox.office.followup-answer'"/>
                </xsl:call-template>
              </form>
            </xsl:when>
          </xsl:choose>
        </xsl:if>
      </section>
    </xsl:if>

    <xsl:if test="forwards/forward">
      <h2>
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.office.forwards'"/>
        </xsl:call-template>
      </h2>
      <xsl:for-each select="forwards/forward">
        <section class="notice" id="forward-{id}">
          <h3>
            <xsl:value-of select="department"/>
            <xsl:text> </xsl:text>
            <span class="tag">
              <xsl:call-template name="office-fstate">
                <xsl:with-param name="code" select="state"/>
              </xsl:call-template>
            </span>
            <xsl:text> </xsl:text>
            <xsl:call-template name="mailbox-light">
              <xsl:with-param name="light" select="light"/>
            </xsl:call-template>
          </h3>
          <xsl:call-template name="office-forward-meta">
            <xsl:with-param name="f" select="."/>
          </xsl:call-template>
          <xsl:if test="$office-is-office">
            <xsl:call-template name="office-forward-forms">
              <xsl:with-param name="f" select="."/>
              <xsl:with-param name="base" select="$base"/>
            </xsl:call-template>
          </xsl:if>
        </section>
      </xsl:for-each>
    </xsl:if>

    <xsl:if test="$office-is-office">
      <xsl:call-template name="office-letter-forms">
        <xsl:with-param name="l" select="$l"/>
        <xsl:with-param name="base" select="$base"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="office-history"/>
  </xsl:template>

  <!-- What a forward is at: shared by the office's and the department's pages. -->
  <xsl:template name="office-forward-meta">
    <xsl:param name="f"/>
    <dl class="meta-list">
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.forwarded'"/>
        <xsl:with-param name="v" select="$f/created"/>
      </xsl:call-template>
      <div>
        <dt>
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.limit'"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'mailbox.office.limit-days'"/>
            <xsl:with-param name="n" select="$f/limit_days"/>
            <xsl:with-param name="s" select="$f/extension_days"/>
          </xsl:call-template>
        </dd>
      </div>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.due'"/>
        <xsl:with-param name="v" select="$f/due"/>
      </xsl:call-template>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.instruction'"/>
        <xsl:with-param name="v" select="$f/instruction"/>
      </xsl:call-template>
      <xsl:if test="$f/ext_state != 'none'">
        <div>
          <dt>
            <xsl:call-template name="office-text">
              <xsl:with-param name="key" select="'mailbox.office.extension'"/>
            </xsl:call-template>
          </dt>
          <dd>
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="concat('mailbox.office.ext.', $f/ext_state)"/>
              <xsl:with-param name="n" select="$f/ext_days"/>
            </xsl:call-template>
            <xsl:if test="$f/ext_reason != ''">
              <xsl:value-of select="concat(' — ', $f/ext_reason)"/>
            </xsl:if>
          </dd>
        </div>
      </xsl:if>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.sendback-note'"/>
        <xsl:with-param name="v" select="$f/sendback_note"/>
      </xsl:call-template>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.return-reason'"/>
        <xsl:with-param name="v" select="$f/return_reason"/>
      </xsl:call-template>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.drafted'"/>
        <xsl:with-param name="v" select="normalize-space(concat($f/drafted, ' ', $f/drafted_by))"/>
      </xsl:call-template>
    </dl>
    <xsl:if test="$f/draft != ''">
      <h4>
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.office.draft'"/>
        </xsl:call-template>
      </h4>
      <xsl:call-template name="office-body">
        <xsl:with-param name="v" select="$f/draft"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="office-forward-forms">
    <xsl:param name="f"/>
    <xsl:param name="base"/>
    <xsl:variable name="fb" select="concat($base, '/forwards/', $f/id)"/>
    <xsl:if test="$f/state = 'drafted'">
      <xsl:call-template name="office-decide">
        <xsl:with-param name="path" select="concat($fb, '/review')"/>
        <xsl:with-param name="decision" select="'approve'"/>
        <xsl:with-param name="key" select="'mailbox.office.review.approve'"/>
      </xsl:call-template>
      <!-- The approve button above and this form post the same path; the field decision tells them apart. -->
      <form class="form" method="post" action="{$office-mount}{$fb}/review">
        <xsl:call-template name="form-hidden"/>
        <input type="hidden" name="decision" value="sendback"/>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'sendback_note'"/>
          <xsl:with-param name="label" select="'mailbox.office.f.sendback_note'"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="rows" select="'3'"/>
          <xsl:with-param name="maxlength" select="'500'"/>
          <xsl:with-param name="required" select="'yes'"/>
        </xsl:call-template>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'mailbox.office.review.sendback'"/>
        </xsl:call-template>
      </form>
    </xsl:if>
    <xsl:if test="$f/ext_state = 'asked' and ($f/state = 'open' or $f/state = 'drafted')">
      <xsl:call-template name="office-decide">
        <xsl:with-param name="path" select="concat($fb, '/extension')"/>
        <xsl:with-param name="decision" select="'approve'"/>
        <xsl:with-param name="key" select="'mailbox.office.ext.approve'"/>
      </xsl:call-template>
      <xsl:call-template name="office-decide">
        <xsl:with-param name="path" select="concat($fb, '/extension')"/>
        <xsl:with-param name="decision" select="'refuse'"/>
        <xsl:with-param name="key" select="'mailbox.office.ext.refuse'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$f/state = 'open' or $f/state = 'drafted'">
      <xsl:call-template name="office-button">
        <xsl:with-param name="path" select="concat($fb, '/withdraw')"/>
        <xsl:with-param name="key" select="'mailbox.office.withdraw'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A button that posts one decision. -->
  <xsl:template name="office-decide">
    <xsl:param name="path"/>
    <xsl:param name="decision"/>
    <xsl:param name="key"/>
    <form class="form" method="post" action="{$office-mount}{$path}">
      <xsl:call-template name="form-hidden"/>
      <input type="hidden" name="decision" value="{$decision}"/>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="$key"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- The letter's actions, by its state. -->
  <xsl:template name="office-letter-forms">
    <xsl:param name="l"/>
    <xsl:param name="base"/>
    <xsl:variable name="st" select="string($l/state)"/>
    <xsl:if test="$st = 'received'">
      <xsl:call-template name="office-button">
        <xsl:with-param name="path" select="concat($base, '/accept')"/>
        <xsl:with-param name="key" select="'mailbox.office.accept'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$st = 'received' or $st = 'accepted' or $st = 'forwarded'">
      <h2>
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.office.forward'"/>
        </xsl:call-template>
      </h2>
      <form class="form" method="post" action="{$office-mount}{$base}/forward">
        <xsl:call-template name="form-hidden"/>
        <xsl:call-template name="office-dept-field">
          <xsl:with-param name="name" select="'department1'"/>
          <xsl:with-param name="required" select="'yes'"/>
        </xsl:call-template>
        <xsl:call-template name="office-dept-field">
          <xsl:with-param name="name" select="'department2'"/>
        </xsl:call-template>
        <xsl:call-template name="office-dept-field">
          <xsl:with-param name="name" select="'department3'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'instruction'"/>
          <xsl:with-param name="label" select="'mailbox.office.f.instruction'"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="rows" select="'3'"/>
          <xsl:with-param name="maxlength" select="'500'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'limit_days'"/>
          <xsl:with-param name="label" select="'mailbox.office.f.limit_days'"/>
          <xsl:with-param name="type" select="'number'"/>
          <xsl:with-param name="hint" select="'mailbox.office.limit-hint'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
        </xsl:call-template>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'mailbox.office.forward'"/>
        </xsl:call-template>
      </form>
    </xsl:if>
    <xsl:if test="$st = 'received' or $st = 'accepted'">
      <h2>
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.office.reject'"/>
        </xsl:call-template>
      </h2>
      <form class="form" method="post" action="{$office-mount}{$base}/reject">
        <xsl:call-template name="form-hidden"/>
        <xsl:variable name="reasons">
          <xsl:for-each select="/page/reasons/reason">
            <o value="{id}"><xsl:value-of select="name"/></o>
          </xsl:for-each>
        </xsl:variable>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'reason'"/>
          <xsl:with-param name="label" select="'mailbox.office.f.reason'"/>
          <xsl:with-param name="type" select="'select'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="options" select="exsl:node-set($reasons)/o"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'reject_note'"/>
          <xsl:with-param name="label" select="'mailbox.office.f.reject_note'"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="rows" select="'3'"/>
          <xsl:with-param name="maxlength" select="'500'"/>
          <xsl:with-param name="hint" select="'mailbox.office.reject-hint'"/>
        </xsl:call-template>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'mailbox.office.reject'"/>
        </xsl:call-template>
      </form>
      <h2>
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.office.merge'"/>
        </xsl:call-template>
      </h2>
      <form class="form" method="post" action="{$office-mount}{$base}/merge">
        <xsl:call-template name="form-hidden"/>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'into'"/>
          <xsl:with-param name="label" select="'mailbox.office.f.into'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="maxlength" select="'17'"/>
          <xsl:with-param name="hint" select="'mailbox.office.merge-hint'"/>
        </xsl:call-template>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'mailbox.office.merge'"/>
        </xsl:call-template>
      </form>
    </xsl:if>
    <xsl:if test="$st = 'replied' or $st = 'closed'">
      <p>
        <a class="button" href="{$office-mount}{$base}/public">
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.public.title'"/>
          </xsl:call-template>
        </a>
      </p>
      <xsl:call-template name="office-publish-forms">
        <xsl:with-param name="l" select="$l"/>
        <xsl:with-param name="base" select="$base"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$st = 'replied'">
      <xsl:call-template name="office-button">
        <xsl:with-param name="path" select="concat($base, '/close')"/>
        <xsl:with-param name="key" select="'mailbox.office.close'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- has: 1 when a public version is saved. -->
  <xsl:template name="office-publish-forms">
    <xsl:param name="l"/>
    <xsl:param name="base"/>
    <xsl:param name="has" select="$l/has_public"/>
    <xsl:choose>
      <xsl:when test="$l/published = '1'">
        <xsl:call-template name="office-button">
          <xsl:with-param name="path" select="concat($base, '/unpublish')"/>
          <xsl:with-param name="key" select="'mailbox.office.unpublish'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$l/agree_public = '1' and $has = '1'">
        <xsl:call-template name="office-button">
          <xsl:with-param name="path" select="concat($base, '/publish')"/>
          <xsl:with-param name="key" select="'mailbox.office.publish'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$l/agree_public = '1'">
        <p class="meta">
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.publish.no_version'"/>
          </xsl:call-template>
        </p>
      </xsl:when>
      <xsl:otherwise>
        <p class="meta">
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.publish.not_agreed'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="office-dept-field">
    <xsl:param name="name"/>
    <xsl:param name="required" select="'no'"/>
    <xsl:variable name="opts">
      <xsl:for-each select="/page/departments/department">
        <o value="{@id}"><xsl:value-of select="@name"/></o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="label" select="concat('mailbox.office.f.', $name)"/>
      <xsl:with-param name="type" select="'select'"/>
      <xsl:with-param name="required" select="$required"/>
      <xsl:with-param name="options" select="exsl:node-set($opts)/o"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== office-public ===== -->

  <xsl:template match="page[@view = 'office-public']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'mailbox.office.public.heading'"/>
      <xsl:with-param name="s" select="letter/tracking_no"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'office-public']" mode="content">
    <xsl:variable name="l" select="letter"/>
    <xsl:variable name="pv" select="public-version"/>
    <xsl:variable name="base" select="concat('office/', $l/id)"/>
    <p class="back-link">
      <a href="{$office-mount}{$base}">
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.office.back-letter'"/>
        </xsl:call-template>
      </a>
    </p>
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <p class="notice">
      <xsl:call-template name="office-text">
        <xsl:with-param name="key" select="concat('mailbox.office.public.saved.', $pv/@saved)"/>
      </xsl:call-template>
    </p>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'mailbox.office.f.'"/>
    </xsl:call-template>
    <div class="compare">
      <section>
        <h2>
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.public.original'"/>
          </xsl:call-template>
        </h2>
        <h3><xsl:value-of select="$l/subject"/></h3>
        <xsl:call-template name="office-body">
          <xsl:with-param name="v" select="$l/body"/>
        </xsl:call-template>
        <h3>
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.reply'"/>
          </xsl:call-template>
        </h3>
        <xsl:call-template name="office-body">
          <xsl:with-param name="v" select="$l/reply"/>
        </xsl:call-template>
      </section>
      <section>
        <h2>
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.public.version'"/>
          </xsl:call-template>
        </h2>
        <form class="form" method="post" action="{$office-mount}{$base}/public">
          <xsl:call-template name="form-hidden"/>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'public_subject'"/>
            <xsl:with-param name="label" select="'mailbox.office.f.public_subject'"/>
            <xsl:with-param name="required" select="'yes'"/>
            <xsl:with-param name="maxlength" select="'40'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'public_body'"/>
            <xsl:with-param name="label" select="'mailbox.office.f.public_body'"/>
            <xsl:with-param name="type" select="'textarea'"/>
            <xsl:with-param name="required" select="'yes'"/>
            <xsl:with-param name="maxlength" select="'3000'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'public_reply'"/>
            <xsl:with-param name="label" select="'mailbox.office.f.public_reply'"/>
            <xsl:with-param name="type" select="'textarea'"/>
            <xsl:with-param name="required" select="'yes'"/>
            <xsl:with-param name="maxlength" select="'6000'"/>
          </xsl:call-template>
          <xsl:call-template name="submit">
            <xsl:with-param name="label" select="'mailbox.office.public.save'"/>
          </xsl:call-template>
        </form>
      </section>
    </div>
    <xsl:if test="$l/state = 'replied' or $l/state = 'closed'">
      <xsl:call-template name="office-publish-forms">
        <xsl:with-param name="l" select="$l"/>
        <xsl:with-param name="base" select="$base"/>
        <xsl:with-param name="has" select="string($pv/@saved)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ===== office-lists: the categories and rejection reasons ===== -->

  <xsl:template match="page[@view = 'office-lists']" mode="title">
    <xsl:call-template name="office-text">
      <xsl:with-param name="key" select="'mailbox.lists.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'office-lists']" mode="content">
    <p class="back-link">
      <a href="{$office-mount}office">
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.office.back'"/>
        </xsl:call-template>
      </a>
    </p>
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <p class="lead">
      <xsl:call-template name="office-text">
        <xsl:with-param name="key" select="'mailbox.lists.intro'"/>
      </xsl:call-template>
    </p>
    <xsl:call-template name="office-list-table">
      <xsl:with-param name="list" select="'categories'"/>
      <xsl:with-param name="rows" select="categories/category"/>
    </xsl:call-template>
    <xsl:call-template name="office-list-table">
      <xsl:with-param name="list" select="'reasons'"/>
      <xsl:with-param name="rows" select="reasons/reason"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="office-list-table">
    <xsl:param name="list"/>
    <xsl:param name="rows"/>
    <section aria-labelledby="list-{$list}">
      <h2 id="list-{$list}">
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="concat('mailbox.lists.', $list)"/>
        </xsl:call-template>
      </h2>
      <p>
        <a class="button" href="{$office-mount}office/{$list}/new">
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="concat('mailbox.lists.new.', $list)"/>
          </xsl:call-template>
        </a>
      </p>
      <div class="table-wrap">
        <table class="data-table">
          <thead>
            <tr>
              <xsl:call-template name="office-th">
                <xsl:with-param name="key" select="'mailbox.lists.f.name'"/>
              </xsl:call-template>
              <xsl:call-template name="office-th">
                <xsl:with-param name="key" select="'mailbox.lists.f.sort'"/>
              </xsl:call-template>
              <xsl:call-template name="office-th">
                <xsl:with-param name="key" select="'mailbox.lists.in-use'"/>
              </xsl:call-template>
              <xsl:call-template name="office-th">
                <xsl:with-param name="key" select="'mailbox.lists.edit'"/>
              </xsl:call-template>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$rows">
              <tr id="{$list}-{id}">
                <td>
                  <xsl:value-of select="name"/>
                  <xsl:if test="code">
                    <xsl:text> </xsl:text>
                    <code><xsl:value-of select="code"/></code>
                  </xsl:if>
                  <xsl:if test="letters">
                    <xsl:text> </xsl:text>
                    <span class="meta">
                      <xsl:call-template name="t">
                        <xsl:with-param name="key" select="'mailbox.lists.letters'"/>
                        <xsl:with-param name="n" select="letters"/>
                      </xsl:call-template>
                    </span>
                  </xsl:if>
                </td>
                <td><xsl:value-of select="sort"/></td>
                <td>
                  <xsl:call-template name="office-text">
                    <xsl:with-param name="key" select="concat('mailbox.lists.active.', active)"/>
                  </xsl:call-template>
                </td>
                <td>
                  <a href="{$office-mount}office/{$list}/{id}">
                    <xsl:call-template name="office-text">
                      <xsl:with-param name="key" select="'mailbox.lists.edit'"/>
                    </xsl:call-template>
                    <span class="visually-hidden">
                      <xsl:value-of select="concat(' ', name)"/>
                    </span>
                  </a>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <!-- ===== office-list-form: one category or reason, new or stored ===== -->

  <xsl:template match="page[@view = 'office-list-form']" mode="title">
    <xsl:variable name="mode">
      <xsl:choose>
        <xsl:when test="entry">edit</xsl:when>
        <xsl:otherwise>new</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="office-text">
      <xsl:with-param name="key" select="concat('mailbox.lists.', $mode, '.', list-form/@list)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'office-list-form']" mode="content">
    <xsl:variable name="list" select="string(list-form/@list)"/>
    <p class="back-link">
      <a href="{$office-mount}office/lists">
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.lists.back'"/>
        </xsl:call-template>
      </a>
    </p>
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'mailbox.lists.f.'"/>
    </xsl:call-template>
    <xsl:variable name="action">
      <xsl:choose>
        <xsl:when test="entry">
          <xsl:value-of select="concat($office-mount, 'office/', $list, '/', entry/id)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat($office-mount, 'office/', $list, '/new')"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <form class="form" method="post" action="{$action}">
      <xsl:call-template name="form-hidden"/>
      <xsl:if test="$list = 'reasons' and not(entry)">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'code'"/>
          <xsl:with-param name="label" select="'mailbox.lists.f.code'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="maxlength" select="'20'"/>
          <xsl:with-param name="hint" select="'mailbox.lists.code-hint'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'name'"/>
        <xsl:with-param name="label" select="'mailbox.lists.f.name'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="maxlength">
          <xsl:choose>
            <xsl:when test="$list = 'categories'">20</xsl:when>
            <xsl:otherwise>60</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'sort'"/>
        <xsl:with-param name="label" select="'mailbox.lists.f.sort'"/>
        <xsl:with-param name="type" select="'number'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="hint" select="'mailbox.lists.sort-hint'"/>
      </xsl:call-template>
      <xsl:if test="entry">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'active'"/>
          <xsl:with-param name="label" select="'mailbox.lists.f.active'"/>
          <xsl:with-param name="type" select="'checkbox'"/>
          <xsl:with-param name="hint" select="'mailbox.lists.active-hint'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'mailbox.lists.save'"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- ===== dept-list ===== -->

  <xsl:template match="page[@view = 'dept-list']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'mailbox.dept.list.title'"/>
      <xsl:with-param name="s" select="department-name"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'dept-list']" mode="content">
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <form class="filter-form" method="get" action="{$office-mount}dept">
      <div class="field field-select">
        <label for="f-state">
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.state'"/>
          </xsl:call-template>
        </label>
        <select id="f-state" name="state">
          <option value="">
            <xsl:call-template name="office-text">
              <xsl:with-param name="key" select="'mailbox.dept.list.in-hand'"/>
            </xsl:call-template>
          </option>
          <xsl:call-template name="office-option">
            <xsl:with-param name="v" select="'open'"/>
            <xsl:with-param name="prefix" select="'mailbox.office.fstate.'"/>
          </xsl:call-template>
          <xsl:call-template name="office-option">
            <xsl:with-param name="v" select="'drafted'"/>
            <xsl:with-param name="prefix" select="'mailbox.office.fstate.'"/>
          </xsl:call-template>
          <xsl:call-template name="office-option">
            <xsl:with-param name="v" select="'approved'"/>
            <xsl:with-param name="prefix" select="'mailbox.office.fstate.'"/>
          </xsl:call-template>
          <xsl:call-template name="office-option">
            <xsl:with-param name="v" select="'returned'"/>
            <xsl:with-param name="prefix" select="'mailbox.office.fstate.'"/>
          </xsl:call-template>
          <xsl:call-template name="office-option">
            <xsl:with-param name="v" select="'withdrawn'"/>
            <xsl:with-param name="prefix" select="'mailbox.office.fstate.'"/>
          </xsl:call-template>
        </select>
      </div>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'mailbox.office.filter'"/>
      </xsl:call-template>
    </form>
    <xsl:choose>
      <xsl:when test="forwards/forward">
        <div class="table-wrap" role="region" tabindex="0">
          <xsl:attribute name="aria-label">
            <xsl:apply-templates select="/page" mode="title"/>
          </xsl:attribute>
          <table class="data-table">
            <thead>
              <tr>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.light'"/>
                </xsl:call-template>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.no'"/>
                </xsl:call-template>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.subject'"/>
                </xsl:call-template>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.type'"/>
                </xsl:call-template>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.state'"/>
                </xsl:call-template>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.forwarded'"/>
                </xsl:call-template>
                <xsl:call-template name="office-th">
                  <xsl:with-param name="key" select="'mailbox.office.due'"/>
                </xsl:call-template>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="forwards/forward">
                <tr>
                  <td>
                    <xsl:call-template name="mailbox-light">
                      <xsl:with-param name="light" select="light"/>
                    </xsl:call-template>
                  </td>
                  <td class="nowrap"><xsl:value-of select="tracking_no"/></td>
                  <th scope="row">
                    <a href="{$office-mount}dept/{id}"><xsl:value-of select="subject"/></a>
                  </th>
                  <td>
                    <xsl:call-template name="office-type">
                      <xsl:with-param name="code" select="type"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="office-fstate">
                      <xsl:with-param name="code" select="state"/>
                    </xsl:call-template>
                    <xsl:if test="ext_state = 'asked'">
                      <xsl:text> </xsl:text>
                      <span class="tag">
                        <xsl:call-template name="t">
                          <xsl:with-param name="key" select="'mailbox.office.ext.asked'"/>
                          <xsl:with-param name="n" select="''"/>
                        </xsl:call-template>
                      </span>
                    </xsl:if>
                  </td>
                  <td class="nowrap"><xsl:value-of select="created"/></td>
                  <td class="nowrap"><xsl:value-of select="due"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:call-template name="pager">
          <xsl:with-param name="query">
            <xsl:if test="/page/values/value[@name = 'state'] != ''">
              <xsl:value-of select="concat('state=', /page/values/value[@name = 'state'])"/>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty">
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.dept.list.empty'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== dept-forward ===== -->

  <xsl:template match="page[@view = 'dept-forward']" mode="title">
    <xsl:value-of select="concat(forward/tracking_no, ' ', forward/subject)"/>
  </xsl:template>

  <xsl:template match="page[@view = 'dept-forward']" mode="content">
    <xsl:variable name="f" select="forward"/>
    <xsl:variable name="base" select="concat('dept/', $f/id)"/>
    <xsl:variable name="live" select="$f/state = 'open' or $f/state = 'drafted'"/>
    <p class="back-link">
      <a href="{$office-mount}dept">
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.dept.back'"/>
        </xsl:call-template>
      </a>
    </p>
    <h1><xsl:apply-templates select="/page" mode="title"/></h1>
    <p>
      <span class="tag">
        <xsl:call-template name="office-fstate">
          <xsl:with-param name="code" select="$f/state"/>
        </xsl:call-template>
      </span>
      <xsl:text> </xsl:text>
      <xsl:call-template name="mailbox-light">
        <xsl:with-param name="light" select="$f/light"/>
      </xsl:call-template>
    </p>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'mailbox.office.f.'"/>
    </xsl:call-template>
    <xsl:call-template name="office-forward-meta">
      <xsl:with-param name="f" select="$f"/>
    </xsl:call-template>
    <h2>
      <xsl:call-template name="office-text">
        <xsl:with-param name="key" select="'mailbox.dept.letter'"/>
      </xsl:call-template>
    </h2>
    <dl class="meta-list">
      <div>
        <dt>
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.office.type'"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:call-template name="office-type">
            <xsl:with-param name="code" select="$f/type"/>
          </xsl:call-template>
        </dd>
      </div>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.category'"/>
        <xsl:with-param name="v" select="$f/category"/>
      </xsl:call-template>
      <xsl:call-template name="office-meta">
        <xsl:with-param name="key" select="'mailbox.office.created'"/>
        <xsl:with-param name="v" select="$f/letter_created"/>
      </xsl:call-template>
      <xsl:call-template name="office-writer">
        <xsl:with-param name="l" select="$f"/>
      </xsl:call-template>
    </dl>
    <xsl:call-template name="office-body">
      <xsl:with-param name="v" select="$f/body"/>
    </xsl:call-template>
    <xsl:call-template name="office-attachments">
      <xsl:with-param name="base" select="$base"/>
    </xsl:call-template>

    <xsl:if test="$live">
      <h2>
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.dept.draft'"/>
        </xsl:call-template>
      </h2>
      <form class="form" method="post" action="{$office-mount}{$base}/draft">
        <xsl:call-template name="form-hidden"/>
        <!-- What this form was shown with: a clerk who drafted meanwhile wins, this one is told. -->
        <input type="hidden" name="base_state" value="{$f/state}"/>
        <input type="hidden" name="base_at" value="{$f/base_at}"/>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'draft'"/>
          <xsl:with-param name="label" select="'mailbox.office.f.draft'"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="rows" select="'12'"/>
          <xsl:with-param name="maxlength" select="'6000'"/>
        </xsl:call-template>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'mailbox.dept.draft.submit'"/>
        </xsl:call-template>
      </form>
      <xsl:if test="$f/ext_state = 'none' or $f/ext_state = 'refused'">
        <h2>
          <xsl:call-template name="office-text">
            <xsl:with-param name="key" select="'mailbox.dept.extension'"/>
          </xsl:call-template>
        </h2>
        <form class="form" method="post" action="{$office-mount}{$base}/extension">
          <xsl:call-template name="form-hidden"/>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'ext_days'"/>
            <xsl:with-param name="label" select="'mailbox.office.f.ext_days'"/>
            <xsl:with-param name="type" select="'number'"/>
            <xsl:with-param name="required" select="'yes'"/>
            <xsl:with-param name="inputmode" select="'numeric'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'ext_reason'"/>
            <xsl:with-param name="label" select="'mailbox.office.f.ext_reason'"/>
            <xsl:with-param name="type" select="'textarea'"/>
            <xsl:with-param name="rows" select="'3'"/>
            <xsl:with-param name="required" select="'yes'"/>
            <xsl:with-param name="maxlength" select="'500'"/>
          </xsl:call-template>
          <xsl:call-template name="submit">
            <xsl:with-param name="label" select="'mailbox.dept.extension.submit'"/>
          </xsl:call-template>
        </form>
      </xsl:if>
      <h2>
        <xsl:call-template name="office-text">
          <xsl:with-param name="key" select="'mailbox.dept.return'"/>
        </xsl:call-template>
      </h2>
      <form class="form" method="post" action="{$office-mount}{$base}/return">
        <xsl:call-template name="form-hidden"/>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'return_reason'"/>
          <xsl:with-param name="label" select="'mailbox.office.f.return_reason'"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="rows" select="'3'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="maxlength" select="'500'"/>
        </xsl:call-template>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'mailbox.dept.return.submit'"/>
        </xsl:call-template>
      </form>
    </xsl:if>
    <xsl:call-template name="office-history"/>
  </xsl:template>

</xsl:stylesheet>
