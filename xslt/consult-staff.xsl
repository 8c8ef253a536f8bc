<?xml version="1.0" encoding="UTF-8"?>
<!--
  consult-staff.xsl: included by consult.xsl.  The staff side of the
  consultation (modules/consult/desk.c, office.c, supervise.c).  Views
  (/page/@view):

    desk               GET /desk (and /desk/duty)
                       /page/duty (@state: on|away as set today, absent
                       otherwise; @hours: the staff record's duty hours;
                       @on 1|0; @window open|closed); /page/mine,
                       /page/queue, /page/dispatched, each of question (id,
                       no, subject, area, state, asked, staff_no, dispatched,
                       light); /page/by-clerk/row (the clerk's own figures,
                       as below)
    desk-question      GET /desk/q/{id} (?canned= fills the answer) and the
                       GET twins of its actions (…/claim, …/answer, …/phone,
                       …/note, …/transfer, …/dispatch, …/close), where a
                       refused action comes back (422; someone acted first:
                       message consult.desk.conflict)
                       /page/question (id, no, subject, body, name, phone,
                       state, area_id, area, dispatch_id, dispatched,
                       assigned_to, staff_no, staff_name, asked, assigned,
                       first_response, answered, closed, first_due, due,
                       offhours, promise, published, light);
                       /page/evaluation (rating.xsl: the citizen's rating
                       once given, without its link);
                       /page/thread/message (id, kind, at, body, staff_no,
                       staff_name, department): the whole thread, notes and
                       staff actions included; /page/areas/area (id, name,
                       intro); /page/departments/department (id, name);
                       /page/canned/answer (id, title); the canned answer's
                       text in /page/values (body)
    desk-canned        GET /desk/canned (and …/{id}/delete)
                       /page/canned/answer (id, title, body)
    desk-area          GET /desk/area
                       /page/area (name, listed, intro); the form's values
    office             GET /office
                       /page/escalated, /page/open, /page/answered, each of
                       question (id, no, subject, area, state, asked,
                       first_due, staff_no, published, light)
    office-publish     GET /office/q/{id}/publish (and …/unpublish)
                       /page/question (id, no, subject, body, name, state,
                       published, public_subject, public_body,
                       public_answer, answer: the clerks' answers joined);
                       the public version in /page/values (public_subject,
                       public_body, public_answer), masked when new
    supervise          GET /supervise?department=&clerk=&from=&to=&light=&rating=&after=
                       /page/departments/department (id, name),
                       /page/questions/question (id, no, subject, area,
                       state, staff_no, asked, assigned, first_response,
                       answered, first_secs, level, efficiency, accuracy,
                       convenience: the rating's, light), /page/pager; the
                       filter in /page/values (rating: a level)
    supervise-figures  GET /supervise/figures?from=&to=
                       /page/by-department/row and /page/by-clerk/row (id,
                       name, questions, responded, median_secs, p90_secs,
                       on_time, due, on_time_rate, rated, satisfaction); the
                       period in /page/values

  Actions are forms only for clerks and the office (supervisors read):
  every form carries form-hidden (CSRF and idempotency key).  The desk
  question's page has three text forms named body (answer, phone, note)
  and two named note (transfer, dispatch): the one the page came back for
  (its path says which) is the "field" template's, with what was typed and
  its error; the others are drawn here with ids of their own.  Named
  templates and variables here begin with "cs-".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="exsl str">

  <xsl:variable name="cs-roles" select="/page/staff/role"/>
  <xsl:variable name="cs-can-act" select="$cs-roles = 'clerk' or $cs-roles = 'office'"/>
  <xsl:variable name="cs-is-office" select="$cs-roles = 'office'"/>

  <!-- ===== shared pieces ===== -->

  <xsl:template name="cs-t">
    <xsl:param name="key"/>
    <xsl:param name="n"/>
    <xsl:param name="s"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="$key"/>
      <xsl:with-param name="n" select="$n"/>
      <xsl:with-param name="s" select="$s"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="cs-heading">
    <h1>
      <xsl:apply-templates select="/page" mode="title"/>
    </h1>
  </xsl:template>

  <xsl:template name="cs-p">
    <xsl:param name="key"/>
    <xsl:param name="class"/>
    <xsl:param name="s"/>
    <p>
      <xsl:if test="$class != ''">
        <xsl:attribute name="class">
          <xsl:value-of select="$class"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="cs-t">
        <xsl:with-param name="key" select="$key"/>
        <xsl:with-param name="s" select="$s"/>
      </xsl:call-template>
    </p>
  </xsl:template>

  <xsl:template name="cs-th">
    <xsl:param name="key"/>
    <th scope="col">
      <xsl:call-template name="cs-t">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
    </th>
  </xsl:template>

  <xsl:template name="cs-none">
    <xsl:call-template name="cs-t">
      <xsl:with-param name="key" select="'consult.none'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A value, or a dash. -->
  <xsl:template name="cs-or-none">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v) != ''">
        <xsl:value-of select="$v"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="cs-none"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- <div><dt/><dd/></div> of a meta-list; left out when the value is empty. -->
  <xsl:template name="cs-meta">
    <xsl:param name="key"/>
    <xsl:param name="v"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($v) != '' or normalize-space($value) != ''">
      <div>
        <dt>
          <xsl:call-template name="cs-t">
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

  <xsl:template name="cs-back">
    <xsl:param name="path"/>
    <xsl:param name="key"/>
    <p class="back-link">
      <a href="{$consult-mount}{$path}">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- A form that posts to path (under the mount) with one submit button and no fields. -->
  <xsl:template name="cs-button">
    <xsl:param name="path"/>
    <xsl:param name="key"/>
    <form class="form" method="post" action="{$consult-mount}{$path}" accept-charset="UTF-8">
      <xsl:call-template name="form-hidden"/>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="$key"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!--
    A table of questions (the desk's lists, the office's).  cols: the
    columns, by name, from: no subject area state asked first_due staff_no
    dispatched light publish.
  -->
  <xsl:template name="cs-questions">
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="rows"/>
    <xsl:param name="cols" select="'no subject area state asked staff_no dispatched light'"/>
    <xsl:param name="empty"/>
    <section aria-labelledby="{$id}">
      <h2 id="{$id}">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="$title"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <span class="tag">
          <xsl:value-of select="count($rows)"/>
        </span>
      </h2>
      <xsl:choose>
        <xsl:when test="$rows">
          <!-- Scrolls sideways on a phone: a labelled region that takes focus, to scroll by keyboard. -->
          <div class="table-wrap" role="region" aria-labelledby="{$id}" tabindex="0">
            <table class="data-table">
              <thead>
                <tr>
                  <xsl:for-each select="str:tokenize($cols, ' ')">
                    <xsl:call-template name="cs-th">
                      <xsl:with-param name="key" select="concat('consult.col.', .)"/>
                    </xsl:call-template>
                  </xsl:for-each>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="$rows">
                  <xsl:variable name="q" select="."/>
                  <tr>
                    <xsl:for-each select="str:tokenize($cols, ' ')">
                      <xsl:call-template name="cs-question-cell">
                        <xsl:with-param name="q" select="$q"/>
                        <xsl:with-param name="col" select="string(.)"/>
                      </xsl:call-template>
                    </xsl:for-each>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="cs-p">
            <xsl:with-param name="key" select="$empty"/>
            <xsl:with-param name="class" select="'empty'"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="cs-question-cell">
    <xsl:param name="q"/>
    <xsl:param name="col"/>
    <xsl:choose>
      <xsl:when test="$col = 'no'">
        <th scope="row" class="nowrap">
          <a href="{$consult-mount}desk/q/{$q/id}">
            <xsl:value-of select="$q/no"/>
          </a>
        </th>
      </xsl:when>
      <xsl:when test="$col = 'state'">
        <td>
          <xsl:call-template name="consult-code">
            <xsl:with-param name="prefix" select="'consult.state.'"/>
            <xsl:with-param name="code" select="string($q/state)"/>
          </xsl:call-template>
        </td>
      </xsl:when>
      <xsl:when test="$col = 'light'">
        <td>
          <xsl:call-template name="consult-light">
            <xsl:with-param name="light" select="string($q/light)"/>
          </xsl:call-template>
        </td>
      </xsl:when>
      <xsl:when test="$col = 'asked' or $col = 'first_due' or $col = 'assigned'
                      or $col = 'first_response' or $col = 'answered'">
        <td class="nowrap">
          <xsl:call-template name="consult-time">
            <xsl:with-param name="t" select="string($q/*[local-name() = $col])"/>
          </xsl:call-template>
        </td>
      </xsl:when>
      <xsl:when test="$col = 'publish'">
        <td>
          <a href="{$consult-mount}office/q/{$q/id}/publish">
            <xsl:call-template name="cs-t">
              <xsl:with-param name="key" select="'consult.office.publish-link'"/>
            </xsl:call-template>
            <span class="visually-hidden">
              <xsl:value-of select="concat(' ', $q/no)"/>
            </span>
          </a>
        </td>
      </xsl:when>
      <xsl:otherwise>
        <td>
          <xsl:call-template name="cs-or-none">
            <xsl:with-param name="v" select="string($q/*[local-name() = $col])"/>
          </xsl:call-template>
        </td>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The figures (the desk's by-clerk, supervise-figures' both): questions,
    responded, first response median and 90th percentile in minutes,
    on-time rate, ratings, satisfaction.
  -->
  <xsl:template name="cs-figures">
    <xsl:param name="id"/>
    <xsl:param name="caption"/>
    <xsl:param name="first"/>
    <xsl:param name="rows"/>
    <xsl:choose>
      <xsl:when test="$rows">
        <div class="table-wrap" role="region" aria-labelledby="{$id}" tabindex="0">
          <table class="data-table">
            <caption id="{$id}">
              <xsl:call-template name="cs-t">
                <xsl:with-param name="key" select="$caption"/>
              </xsl:call-template>
            </caption>
            <thead>
              <tr>
                <xsl:call-template name="cs-th">
                  <xsl:with-param name="key" select="$first"/>
                </xsl:call-template>
                <xsl:for-each select="str:tokenize('questions responded median p90 on_time_rate rated satisfaction', ' ')">
                  <xsl:call-template name="cs-th">
                    <xsl:with-param name="key" select="concat('consult.fig.', .)"/>
                  </xsl:call-template>
                </xsl:for-each>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$rows">
                <tr>
                  <th scope="row">
                    <xsl:value-of select="name"/>
                  </th>
                  <td><xsl:value-of select="questions"/></td>
                  <td><xsl:value-of select="responded"/></td>
                  <td class="nowrap">
                    <xsl:call-template name="consult-minutes">
                      <xsl:with-param name="secs" select="string(median_secs)"/>
                    </xsl:call-template>
                  </td>
                  <td class="nowrap">
                    <xsl:call-template name="consult-minutes">
                      <xsl:with-param name="secs" select="string(p90_secs)"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="consult-percent">
                      <xsl:with-param name="v" select="string(on_time_rate)"/>
                    </xsl:call-template>
                    <xsl:if test="number(due) > 0">
                      <span class="meta">
                        <xsl:text> </xsl:text>
                        <xsl:call-template name="t">
                          <xsl:with-param name="key" select="'consult.fig.of'"/>
                          <xsl:with-param name="min" select="string(on_time)"/>
                          <xsl:with-param name="max" select="string(due)"/>
                        </xsl:call-template>
                      </span>
                    </xsl:if>
                  </td>
                  <td><xsl:value-of select="rated"/></td>
                  <td>
                    <xsl:call-template name="consult-percent">
                      <xsl:with-param name="v" select="string(satisfaction)"/>
                    </xsl:call-template>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty" id="{$id}">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.fig.empty'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== desk ===== -->

  <xsl:template match="page[@view = 'desk']" mode="title">
    <xsl:call-template name="cs-t">
      <xsl:with-param name="key" select="'consult.desk.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'desk']" mode="content">
    <xsl:variable name="d" select="duty"/>
    <xsl:call-template name="cs-heading"/>
    <xsl:call-template name="consult-staff-menu"/>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'consult.desk.f.'"/>
    </xsl:call-template>

    <section aria-labelledby="cs-duty-heading">
      <xsl:attribute name="class">
        <xsl:choose>
          <xsl:when test="$d/@on = '1' and $d/@window = 'open'">msg</xsl:when>
          <xsl:otherwise>msg msg-warn</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <h2 id="cs-duty-heading">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="'consult.desk.duty'"/>
        </xsl:call-template>
      </h2>
      <p>
        <strong>
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="concat('consult.desk.on.', $d/@on)"/>
          </xsl:call-template>
        </strong>
        <xsl:text> </xsl:text>
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="concat('consult.desk.window.', $d/@window)"/>
        </xsl:call-template>
      </p>
      <xsl:if test="$d/@state">
        <xsl:call-template name="cs-p">
          <xsl:with-param name="key" select="concat('consult.desk.set.', $d/@state)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="cs-p">
        <xsl:with-param name="key">
          <xsl:choose>
            <xsl:when test="normalize-space($d/@hours) != ''">consult.desk.hours</xsl:when>
            <xsl:otherwise>consult.desk.no-hours</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="s" select="string($d/@hours)"/>
      </xsl:call-template>
      <!-- One form, two buttons: the one pressed sends its state. -->
      <form class="form" method="post" action="{$consult-mount}desk/duty" accept-charset="UTF-8">
        <xsl:call-template name="form-hidden"/>
        <div class="actions">
          <button type="submit" class="button" name="state" value="on">
            <xsl:call-template name="cs-t">
              <xsl:with-param name="key" select="'consult.desk.duty.on'"/>
            </xsl:call-template>
          </button>
          <xsl:text> </xsl:text>
          <button type="submit" class="button" name="state" value="away">
            <xsl:call-template name="cs-t">
              <xsl:with-param name="key" select="'consult.desk.duty.away'"/>
            </xsl:call-template>
          </button>
        </div>
      </form>
    </section>

    <xsl:call-template name="cs-questions">
      <xsl:with-param name="id" select="'cs-mine'"/>
      <xsl:with-param name="title" select="'consult.desk.mine'"/>
      <xsl:with-param name="rows" select="mine/question"/>
      <xsl:with-param name="cols" select="'no subject area state asked dispatched light'"/>
      <xsl:with-param name="empty" select="'consult.desk.mine.empty'"/>
    </xsl:call-template>
    <xsl:call-template name="cs-questions">
      <xsl:with-param name="id" select="'cs-queue'"/>
      <xsl:with-param name="title" select="'consult.desk.queue'"/>
      <xsl:with-param name="rows" select="queue/question"/>
      <xsl:with-param name="cols" select="'no subject area asked light'"/>
      <xsl:with-param name="empty" select="'consult.desk.queue.empty'"/>
    </xsl:call-template>
    <xsl:call-template name="cs-questions">
      <xsl:with-param name="id" select="'cs-dispatched'"/>
      <xsl:with-param name="title" select="'consult.desk.dispatched'"/>
      <xsl:with-param name="rows" select="dispatched/question"/>
      <xsl:with-param name="cols" select="'no subject area state asked staff_no light'"/>
      <xsl:with-param name="empty" select="'consult.desk.dispatched.empty'"/>
    </xsl:call-template>

    <section aria-labelledby="cs-my-figures-heading">
      <h2 id="cs-my-figures-heading">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="'consult.desk.figures'"/>
        </xsl:call-template>
      </h2>
      <xsl:call-template name="cs-figures">
        <xsl:with-param name="id" select="'cs-my-figures'"/>
        <xsl:with-param name="caption" select="'consult.desk.figures.caption'"/>
        <xsl:with-param name="first" select="'consult.fig.clerk'"/>
        <xsl:with-param name="rows" select="by-clerk/row"/>
      </xsl:call-template>
    </section>

    <ul class="menu-list">
      <li>
        <a href="{$consult-mount}desk/canned">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.menu.canned'"/>
          </xsl:call-template>
        </a>
      </li>
      <li>
        <a href="{$consult-mount}desk/area">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.menu.area'"/>
          </xsl:call-template>
        </a>
      </li>
    </ul>
  </xsl:template>

  <!-- ===== desk-question ===== -->

  <xsl:template match="page[@view = 'desk-question']" mode="title">
    <xsl:value-of select="concat(question/no, ' ', question/subject)"/>
  </xsl:template>

  <!-- The action the page came back for: the path's last segment after /desk/q/{id}/. -->
  <xsl:variable name="cs-action"
      select="substring-after(string(/page/site/@path), concat('desk/q/', /page/question/id, '/'))"/>
  <!-- Which of the forms named body, and of those named note, is the page's. -->
  <xsl:variable name="cs-body-form">
    <xsl:choose>
      <xsl:when test="$cs-action = 'phone' or $cs-action = 'note'">
        <xsl:value-of select="$cs-action"/>
      </xsl:when>
      <xsl:otherwise>answer</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="cs-note-form">
    <xsl:choose>
      <xsl:when test="$cs-action = 'dispatch'">dispatch</xsl:when>
      <xsl:otherwise>transfer</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!--
    A textarea of one of the question's forms.  The form whose name is
    active gets the "field" template (what was typed, its error); the
    others the same markup with an id of their own (f-FORM-NAME), empty.
  -->
  <xsl:template name="cs-textarea">
    <xsl:param name="form"/>
    <xsl:param name="active"/>
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="hint"/>
    <xsl:param name="required" select="'no'"/>
    <xsl:param name="maxlength"/>
    <xsl:param name="rows" select="'5'"/>
    <xsl:choose>
      <xsl:when test="$form = $active">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="$name"/>
          <xsl:with-param name="label" select="$label"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="required" select="$required"/>
          <xsl:with-param name="hint" select="$hint"/>
          <xsl:with-param name="maxlength" select="$maxlength"/>
          <xsl:with-param name="rows" select="$rows"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="id" select="concat('f-', $form, '-', $name)"/>
        <div class="field field-textarea">
          <label for="{$id}">
            <xsl:call-template name="cs-t">
              <xsl:with-param name="key" select="$label"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:choose>
              <xsl:when test="$required = 'yes'">
                <span class="req">
                  <xsl:call-template name="cs-t">
                    <xsl:with-param name="key" select="'form.required'"/>
                  </xsl:call-template>
                </span>
              </xsl:when>
              <xsl:otherwise>
                <span class="opt">
                  <xsl:call-template name="cs-t">
                    <xsl:with-param name="key" select="'form.optional'"/>
                  </xsl:call-template>
                </span>
              </xsl:otherwise>
            </xsl:choose>
          </label>
          <xsl:if test="$hint != ''">
            <p class="hint" id="{$id}-hint">
              <xsl:call-template name="cs-t">
                <xsl:with-param name="key" select="$hint"/>
              </xsl:call-template>
            </p>
          </xsl:if>
          <textarea id="{$id}" name="{$name}" rows="{$rows}">
            <xsl:call-template name="field-attributes">
              <xsl:with-param name="required" select="$required"/>
              <xsl:with-param name="maxlength" select="$maxlength"/>
              <xsl:with-param name="describedby">
                <xsl:if test="$hint != ''">
                  <xsl:value-of select="concat($id, '-hint')"/>
                </xsl:if>
              </xsl:with-param>
              <xsl:with-param name="invalid" select="false()"/>
            </xsl:call-template>
            <xsl:text>&#10;</xsl:text>
          </textarea>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The word of a thread message's kind, as staff see it. -->
  <xsl:template name="cs-kind">
    <xsl:param name="kind"/>
    <xsl:call-template name="cs-t">
      <xsl:with-param name="key" select="concat('consult.desk.kind.', $kind)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'desk-question']" mode="content">
    <xsl:variable name="q" select="question"/>
    <xsl:variable name="state" select="string($q/state)"/>
    <xsl:variable name="base" select="concat('desk/q/', $q/id)"/>
    <xsl:call-template name="cs-heading"/>
    <xsl:call-template name="consult-staff-menu"/>

    <dl class="meta-list">
      <xsl:call-template name="cs-meta">
        <xsl:with-param name="key" select="'consult.col.state'"/>
        <xsl:with-param name="value">
          <strong>
            <xsl:call-template name="consult-code">
              <xsl:with-param name="prefix" select="'consult.state.'"/>
              <xsl:with-param name="code" select="$state"/>
            </xsl:call-template>
          </strong>
          <xsl:if test="$q/light">
            <xsl:text> </xsl:text>
            <xsl:call-template name="consult-light">
              <xsl:with-param name="light" select="string($q/light)"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="cs-meta">
        <xsl:with-param name="key" select="'consult.col.area'"/>
        <xsl:with-param name="v" select="string($q/area)"/>
      </xsl:call-template>
      <xsl:call-template name="cs-meta">
        <xsl:with-param name="key" select="'consult.col.dispatched'"/>
        <xsl:with-param name="v" select="string($q/dispatched)"/>
      </xsl:call-template>
      <xsl:call-template name="cs-meta">
        <xsl:with-param name="key" select="'consult.dq.handler'"/>
        <xsl:with-param name="value">
          <xsl:choose>
            <xsl:when test="$q/staff_no">
              <xsl:value-of select="concat($q/staff_no, ' ', $q/staff_name)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="cs-t">
                <xsl:with-param name="key" select="'consult.dq.unassigned'"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="cs-meta">
        <xsl:with-param name="key" select="'consult.dq.published'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key">
              <xsl:choose>
                <xsl:when test="$q/published = '1'">consult.yes</xsl:when>
                <xsl:otherwise>consult.no</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </dl>

    <section aria-labelledby="cs-times-heading">
      <h2 id="cs-times-heading">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="'consult.dq.times'"/>
        </xsl:call-template>
      </h2>
      <dl class="meta-list">
        <xsl:for-each select="str:tokenize('asked assigned first_due first_response due answered closed', ' ')">
          <xsl:variable name="col" select="string(.)"/>
          <xsl:call-template name="cs-meta">
            <xsl:with-param name="key" select="concat('consult.col.', $col)"/>
            <xsl:with-param name="value">
              <xsl:call-template name="consult-time">
                <xsl:with-param name="t" select="string($q/*[local-name() = $col])"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:if test="$q/offhours = '1'">
          <xsl:call-template name="cs-meta">
            <xsl:with-param name="key" select="'consult.dq.promise'"/>
            <xsl:with-param name="value">
              <xsl:call-template name="consult-time">
                <xsl:with-param name="t" select="string($q/promise)"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:if>
      </dl>
    </section>

    <!-- The citizen's contact, to call back: staff only, never on a public page. -->
    <section class="msg" aria-labelledby="cs-contact-heading">
      <h2 id="cs-contact-heading">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="'consult.dq.contact'"/>
        </xsl:call-template>
      </h2>
      <dl class="meta-list">
        <xsl:call-template name="cs-meta">
          <xsl:with-param name="key" select="'consult.dq.name'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="cs-or-none">
              <xsl:with-param name="v" select="string($q/name)"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="cs-meta">
          <xsl:with-param name="key" select="'consult.dq.phone'"/>
          <xsl:with-param name="value">
            <a href="tel:{translate($q/phone, ' ', '')}">
              <xsl:value-of select="$q/phone"/>
            </a>
          </xsl:with-param>
        </xsl:call-template>
      </dl>
    </section>

    <section aria-labelledby="cs-question-heading">
      <h2 id="cs-question-heading">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="'consult.dq.question'"/>
        </xsl:call-template>
      </h2>
      <p><strong><xsl:value-of select="$q/subject"/></strong></p>
      <div class="text-body">
        <xsl:value-of select="$q/body"/>
      </div>
    </section>

    <!-- The citizen's rating (rating.xsl), once given. -->
    <xsl:apply-templates select="/page/evaluation[rating]"/>

    <section aria-labelledby="cs-thread-heading">
      <h2 id="cs-thread-heading">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="'consult.dq.thread'"/>
        </xsl:call-template>
      </h2>
      <ol class="item-list consult-thread">
        <xsl:for-each select="thread/message">
          <li data-id="{id}" class="consult-{kind}">
            <p class="meta">
              <xsl:choose>
                <!-- Internal: marked in words, not by colour alone. -->
                <xsl:when test="kind = 'note'">
                  <strong class="tag">
                    <xsl:call-template name="cs-t">
                      <xsl:with-param name="key" select="'consult.desk.kind.note'"/>
                    </xsl:call-template>
                  </strong>
                  <xsl:call-template name="cs-t">
                    <xsl:with-param name="key" select="'consult.dq.note-hidden'"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise>
                  <strong>
                    <xsl:call-template name="cs-kind">
                      <xsl:with-param name="kind" select="string(kind)"/>
                    </xsl:call-template>
                  </strong>
                </xsl:otherwise>
              </xsl:choose>
              <xsl:if test="department">
                <xsl:call-template name="cs-t">
                  <xsl:with-param name="key" select="'consult.dq.to'"/>
                  <xsl:with-param name="s" select="string(department)"/>
                </xsl:call-template>
              </xsl:if>
              <xsl:text> · </xsl:text>
              <xsl:call-template name="consult-time">
                <xsl:with-param name="t" select="string(at)"/>
              </xsl:call-template>
              <xsl:if test="staff_no">
                <xsl:text> · </xsl:text>
                <xsl:call-template name="cs-t">
                  <xsl:with-param name="key" select="'consult.staff-no'"/>
                  <xsl:with-param name="s" select="string(staff_no)"/>
                </xsl:call-template>
                <xsl:if test="staff_name">
                  <xsl:value-of select="concat(' ', staff_name)"/>
                </xsl:if>
              </xsl:if>
            </p>
            <xsl:if test="normalize-space(body) != ''">
              <div class="text-body">
                <xsl:value-of select="body"/>
              </div>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
    </section>

    <xsl:choose>
      <xsl:when test="$cs-can-act">
        <xsl:call-template name="error-summary">
          <xsl:with-param name="label-prefix" select="'consult.dq.f.'"/>
        </xsl:call-template>
        <xsl:call-template name="cs-question-forms">
          <xsl:with-param name="q" select="$q"/>
          <xsl:with-param name="base" select="$base"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="cs-p">
          <xsl:with-param name="key" select="'consult.dq.read-only'"/>
          <xsl:with-param name="class" select="'notice'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:if test="$cs-roles = 'office' and ($state = 'answered' or $state = 'closed')">
      <p>
        <a class="button" href="{$consult-mount}office/q/{$q/id}/publish">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key">
              <xsl:choose>
                <xsl:when test="$q/published = '1'">consult.dq.publish-edit</xsl:when>
                <xsl:otherwise>consult.dq.publish</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </a>
      </p>
    </xsl:if>
    <xsl:call-template name="cs-back">
      <xsl:with-param name="path" select="'desk'"/>
      <xsl:with-param name="key" select="'consult.dq.back'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The actions on a question, as its state allows. -->
  <xsl:template name="cs-question-forms">
    <xsl:param name="q"/>
    <xsl:param name="base"/>
    <xsl:variable name="state" select="string($q/state)"/>
    <xsl:variable name="area-id" select="string($q/area_id)"/>
    <xsl:variable name="areas">
      <xsl:for-each select="/page/areas/area[string(id) != $area-id]">
        <o value="{id}"><xsl:value-of select="name"/></o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="departments">
      <xsl:for-each select="/page/departments/department">
        <o value="{id}"><xsl:value-of select="name"/></o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="canned">
      <xsl:for-each select="/page/canned/answer">
        <o value="{id}"><xsl:value-of select="title"/></o>
      </xsl:for-each>
    </xsl:variable>

    <xsl:if test="not($q/assigned_to) and $state = 'open'">
      <section aria-labelledby="cs-claim-heading">
        <h2 id="cs-claim-heading">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.dq.claim'"/>
          </xsl:call-template>
        </h2>
        <xsl:call-template name="cs-p">
          <xsl:with-param name="key" select="'consult.dq.claim.intro'"/>
        </xsl:call-template>
        <xsl:call-template name="cs-button">
          <xsl:with-param name="path" select="concat($base, '/claim')"/>
          <xsl:with-param name="key" select="'consult.dq.claim.submit'"/>
        </xsl:call-template>
      </section>
    </xsl:if>

    <xsl:if test="$state != 'closed'">
      <section aria-labelledby="cs-answer-heading">
        <h2 id="cs-answer-heading">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.dq.answer'"/>
          </xsl:call-template>
        </h2>
        <xsl:if test="/page/canned/answer">
          <!-- A GET form: the page again with the canned answer in the answer's box. -->
          <form class="form filter-form" method="get" action="{$consult-mount}{$base}"
              accept-charset="UTF-8">
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="'canned'"/>
              <xsl:with-param name="label" select="'consult.dq.f.canned'"/>
              <xsl:with-param name="type" select="'select'"/>
              <xsl:with-param name="hint" select="'consult.dq.h.canned'"/>
              <xsl:with-param name="options" select="exsl:node-set($canned)/o"/>
            </xsl:call-template>
            <xsl:call-template name="submit">
              <xsl:with-param name="label" select="'consult.dq.canned.use'"/>
            </xsl:call-template>
          </form>
        </xsl:if>
        <form class="form" method="post" action="{$consult-mount}{$base}/answer"
            accept-charset="UTF-8" novalidate="novalidate">
          <xsl:call-template name="form-hidden"/>
          <xsl:call-template name="cs-textarea">
            <xsl:with-param name="form" select="'answer'"/>
            <xsl:with-param name="active" select="string($cs-body-form)"/>
            <xsl:with-param name="name" select="'body'"/>
            <xsl:with-param name="label" select="'consult.dq.f.answer'"/>
            <xsl:with-param name="hint" select="'consult.dq.h.answer'"/>
            <xsl:with-param name="required" select="'yes'"/>
            <xsl:with-param name="maxlength" select="'3000'"/>
            <xsl:with-param name="rows" select="'8'"/>
          </xsl:call-template>
          <xsl:call-template name="submit">
            <xsl:with-param name="label" select="'consult.dq.answer.submit'"/>
          </xsl:call-template>
        </form>
      </section>

      <section aria-labelledby="cs-phone-heading">
        <h2 id="cs-phone-heading">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.dq.phone-answer'"/>
          </xsl:call-template>
        </h2>
        <form class="form" method="post" action="{$consult-mount}{$base}/phone"
            accept-charset="UTF-8" novalidate="novalidate">
          <xsl:call-template name="form-hidden"/>
          <xsl:call-template name="cs-textarea">
            <xsl:with-param name="form" select="'phone'"/>
            <xsl:with-param name="active" select="string($cs-body-form)"/>
            <xsl:with-param name="name" select="'body'"/>
            <xsl:with-param name="label" select="'consult.dq.f.phone'"/>
            <xsl:with-param name="hint" select="'consult.dq.h.phone'"/>
            <xsl:with-param name="required" select="'yes'"/>
            <xsl:with-param name="maxlength" select="'3000'"/>
            <xsl:with-param name="rows" select="'4'"/>
          </xsl:call-template>
          <xsl:call-template name="submit">
            <xsl:with-param name="label" select="'consult.dq.phone.submit'"/>
          </xsl:call-template>
        </form>
      </section>
    </xsl:if>

    <section aria-labelledby="cs-note-heading">
      <h2 id="cs-note-heading">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="'consult.dq.note'"/>
        </xsl:call-template>
      </h2>
      <form class="form" method="post" action="{$consult-mount}{$base}/note"
          accept-charset="UTF-8" novalidate="novalidate">
        <xsl:call-template name="form-hidden"/>
        <xsl:call-template name="cs-textarea">
          <xsl:with-param name="form" select="'note'"/>
          <xsl:with-param name="active" select="string($cs-body-form)"/>
          <xsl:with-param name="name" select="'body'"/>
          <xsl:with-param name="label" select="'consult.dq.f.note-body'"/>
          <xsl:with-param name="hint" select="'consult.dq.h.note'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="maxlength" select="'3000'"/>
          <xsl:with-param name="rows" select="'3'"/>
        </xsl:call-template>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'consult.dq.note.submit'"/>
        </xsl:call-template>
      </form>
    </section>

    <xsl:if test="$state != 'closed'">
      <section aria-labelledby="cs-transfer-heading">
        <h2 id="cs-transfer-heading">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.dq.transfer'"/>
          </xsl:call-template>
        </h2>
        <xsl:call-template name="cs-p">
          <xsl:with-param name="key" select="'consult.dq.transfer.intro'"/>
          <xsl:with-param name="class" select="'hint'"/>
        </xsl:call-template>
        <form class="form" method="post" action="{$consult-mount}{$base}/transfer"
            accept-charset="UTF-8" novalidate="novalidate">
          <xsl:call-template name="form-hidden"/>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'area'"/>
            <xsl:with-param name="label" select="'consult.dq.f.area'"/>
            <xsl:with-param name="type" select="'select'"/>
            <xsl:with-param name="required" select="'yes'"/>
            <xsl:with-param name="options" select="exsl:node-set($areas)/o"/>
          </xsl:call-template>
          <xsl:call-template name="cs-textarea">
            <xsl:with-param name="form" select="'transfer'"/>
            <xsl:with-param name="active" select="string($cs-note-form)"/>
            <xsl:with-param name="name" select="'note'"/>
            <xsl:with-param name="label" select="'consult.dq.f.transfer-note'"/>
            <xsl:with-param name="maxlength" select="'500'"/>
            <xsl:with-param name="rows" select="'3'"/>
          </xsl:call-template>
          <xsl:call-template name="submit">
            <xsl:with-param name="label" select="'consult.dq.transfer.submit'"/>
          </xsl:call-template>
        </form>
      </section>

      <section aria-labelledby="cs-dispatch-heading">
        <h2 id="cs-dispatch-heading">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.dq.dispatch'"/>
          </xsl:call-template>
        </h2>
        <xsl:call-template name="cs-p">
          <xsl:with-param name="key" select="'consult.dq.dispatch.intro'"/>
          <xsl:with-param name="class" select="'hint'"/>
        </xsl:call-template>
        <form class="form" method="post" action="{$consult-mount}{$base}/dispatch"
            accept-charset="UTF-8" novalidate="novalidate">
          <xsl:call-template name="form-hidden"/>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'department'"/>
            <xsl:with-param name="label" select="'consult.dq.f.department'"/>
            <xsl:with-param name="type" select="'select'"/>
            <xsl:with-param name="required" select="'yes'"/>
            <xsl:with-param name="options" select="exsl:node-set($departments)/o"/>
          </xsl:call-template>
          <xsl:call-template name="cs-textarea">
            <xsl:with-param name="form" select="'dispatch'"/>
            <xsl:with-param name="active" select="string($cs-note-form)"/>
            <xsl:with-param name="name" select="'note'"/>
            <xsl:with-param name="label" select="'consult.dq.f.dispatch-note'"/>
            <xsl:with-param name="maxlength" select="'500'"/>
            <xsl:with-param name="rows" select="'3'"/>
          </xsl:call-template>
          <xsl:call-template name="submit">
            <xsl:with-param name="label" select="'consult.dq.dispatch.submit'"/>
          </xsl:call-template>
        </form>
      </section>

      <section aria-labelledby="cs-close-heading">
        <h2 id="cs-close-heading">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.dq.close'"/>
          </xsl:call-template>
        </h2>
        <xsl:call-template name="cs-p">
          <xsl:with-param name="key" select="'consult.dq.close.intro'"/>
          <xsl:with-param name="class" select="'hint'"/>
        </xsl:call-template>
        <xsl:call-template name="cs-button">
          <xsl:with-param name="path" select="concat($base, '/close')"/>
          <xsl:with-param name="key" select="'consult.dq.close.submit'"/>
        </xsl:call-template>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ===== desk-canned ===== -->

  <xsl:template match="page[@view = 'desk-canned']" mode="title">
    <xsl:call-template name="cs-t">
      <xsl:with-param name="key" select="'consult.canned.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'desk-canned']" mode="content">
    <xsl:call-template name="cs-heading"/>
    <xsl:call-template name="consult-staff-menu"/>
    <xsl:call-template name="cs-p">
      <xsl:with-param name="key" select="'consult.canned.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="canned/answer">
        <ul class="item-list">
          <xsl:for-each select="canned/answer">
            <li>
              <h2 class="item-title" id="cs-canned-{id}">
                <xsl:value-of select="title"/>
              </h2>
              <div class="text-body">
                <xsl:value-of select="body"/>
              </div>
              <xsl:if test="$cs-can-act">
                <form class="form" method="post" action="{$consult-mount}desk/canned/{id}/delete"
                    accept-charset="UTF-8">
                  <xsl:call-template name="form-hidden"/>
                  <button type="submit" class="link-button" aria-describedby="cs-canned-{id}">
                    <xsl:call-template name="cs-t">
                      <xsl:with-param name="key" select="'consult.canned.delete'"/>
                    </xsl:call-template>
                  </button>
                </form>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="cs-p">
          <xsl:with-param name="key" select="'consult.canned.empty'"/>
          <xsl:with-param name="class" select="'empty'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>

    <section aria-labelledby="cs-canned-add">
      <h2 id="cs-canned-add">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="'consult.canned.add'"/>
        </xsl:call-template>
      </h2>
      <xsl:call-template name="error-summary">
        <xsl:with-param name="label-prefix" select="'consult.canned.f.'"/>
      </xsl:call-template>
      <form class="form" method="post" action="{$consult-mount}desk/canned" accept-charset="UTF-8"
          novalidate="novalidate">
        <xsl:call-template name="form-hidden"/>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'title'"/>
          <xsl:with-param name="label" select="'consult.canned.f.title'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="hint" select="'consult.canned.h.title'"/>
          <xsl:with-param name="maxlength" select="'40'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'body'"/>
          <xsl:with-param name="label" select="'consult.canned.f.body'"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="maxlength" select="'3000'"/>
          <xsl:with-param name="rows" select="'6'"/>
        </xsl:call-template>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'consult.canned.submit'"/>
        </xsl:call-template>
      </form>
    </section>
    <xsl:call-template name="cs-back">
      <xsl:with-param name="path" select="'desk'"/>
      <xsl:with-param name="key" select="'consult.dq.back'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== desk-area ===== -->

  <xsl:template match="page[@view = 'desk-area']" mode="title">
    <xsl:call-template name="cs-t">
      <xsl:with-param name="key" select="'consult.area.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'desk-area']" mode="content">
    <xsl:call-template name="cs-heading"/>
    <xsl:call-template name="consult-staff-menu"/>
    <xsl:call-template name="cs-p">
      <xsl:with-param name="key" select="'consult.area.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
      <xsl:with-param name="s" select="string(area/name)"/>
    </xsl:call-template>
    <xsl:call-template name="cs-p">
      <xsl:with-param name="key">
        <xsl:choose>
          <xsl:when test="area/listed = '1'">consult.area.now-listed</xsl:when>
          <xsl:otherwise>consult.area.now-unlisted</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="class" select="'notice'"/>
    </xsl:call-template>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'consult.area.f.'"/>
    </xsl:call-template>
    <form class="form" method="post" action="{$consult-mount}desk/area" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'listed'"/>
        <xsl:with-param name="label" select="'consult.area.f.listed'"/>
        <xsl:with-param name="type" select="'checkbox'"/>
        <xsl:with-param name="hint" select="'consult.area.h.listed'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'intro'"/>
        <xsl:with-param name="label" select="'consult.area.f.intro'"/>
        <xsl:with-param name="hint" select="'consult.area.h.intro'"/>
        <xsl:with-param name="maxlength" select="'200'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'consult.area.submit'"/>
      </xsl:call-template>
    </form>
    <xsl:call-template name="cs-back">
      <xsl:with-param name="path" select="'desk'"/>
      <xsl:with-param name="key" select="'consult.dq.back'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== office ===== -->

  <xsl:template match="page[@view = 'office']" mode="title">
    <xsl:call-template name="cs-t">
      <xsl:with-param name="key" select="'consult.office.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'office']" mode="content">
    <xsl:call-template name="cs-heading"/>
    <xsl:call-template name="consult-staff-menu"/>
    <xsl:call-template name="cs-p">
      <xsl:with-param name="key" select="'consult.office.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <!-- Escalated: highlighted, and said in words. -->
    <div>
      <xsl:if test="escalated/question">
        <xsl:attribute name="class">msg msg-error</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="cs-questions">
        <xsl:with-param name="id" select="'cs-escalated'"/>
        <xsl:with-param name="title" select="'consult.office.escalated'"/>
        <xsl:with-param name="rows" select="escalated/question"/>
        <xsl:with-param name="cols" select="'no subject area asked first_due light'"/>
        <xsl:with-param name="empty" select="'consult.office.escalated.empty'"/>
      </xsl:call-template>
      <xsl:if test="escalated/question">
        <xsl:call-template name="cs-p">
          <xsl:with-param name="key" select="'consult.office.escalated.note'"/>
        </xsl:call-template>
      </xsl:if>
    </div>
    <xsl:call-template name="cs-questions">
      <xsl:with-param name="id" select="'cs-open'"/>
      <xsl:with-param name="title" select="'consult.office.open'"/>
      <xsl:with-param name="rows" select="open/question"/>
      <xsl:with-param name="cols" select="'no subject area asked first_due staff_no light'"/>
      <xsl:with-param name="empty" select="'consult.office.open.empty'"/>
    </xsl:call-template>
    <xsl:call-template name="cs-questions">
      <xsl:with-param name="id" select="'cs-answered'"/>
      <xsl:with-param name="title" select="'consult.office.answered'"/>
      <xsl:with-param name="rows" select="answered/question"/>
      <xsl:with-param name="cols" select="'no subject area state asked staff_no publish'"/>
      <xsl:with-param name="empty" select="'consult.office.answered.empty'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== office-publish ===== -->

  <xsl:template match="page[@view = 'office-publish']" mode="title">
    <xsl:call-template name="cs-t">
      <xsl:with-param name="key" select="'consult.pub.title'"/>
      <xsl:with-param name="s" select="string(question/no)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'office-publish']" mode="content">
    <xsl:variable name="q" select="question"/>
    <xsl:variable name="state" select="string($q/state)"/>
    <xsl:variable name="base" select="concat('office/q/', $q/id)"/>
    <xsl:variable name="can" select="$cs-is-office and ($state = 'answered' or $state = 'closed')"/>
    <xsl:call-template name="cs-back">
      <xsl:with-param name="path" select="concat('desk/q/', $q/id)"/>
      <xsl:with-param name="key" select="'consult.pub.back'"/>
    </xsl:call-template>
    <xsl:call-template name="cs-heading"/>
    <xsl:call-template name="consult-staff-menu"/>
    <p class="notice">
      <xsl:choose>
        <xsl:when test="$q/published = '1'">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.pub.is-published'"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <a href="{$consult-mount}answers/{$q/id}">
            <xsl:call-template name="cs-t">
              <xsl:with-param name="key" select="'consult.pub.see'"/>
            </xsl:call-template>
          </a>
        </xsl:when>
        <xsl:when test="$state = 'open'">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.pub.not-answered'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.pub.masked'"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </p>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'consult.pub.f.'"/>
    </xsl:call-template>
    <div class="compare">
      <section aria-labelledby="cs-original">
        <h2 id="cs-original">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.pub.original'"/>
          </xsl:call-template>
        </h2>
        <h3><xsl:value-of select="$q/subject"/></h3>
        <div class="text-body">
          <xsl:value-of select="$q/body"/>
        </div>
        <h3>
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.pub.answer'"/>
          </xsl:call-template>
        </h3>
        <div class="text-body">
          <xsl:call-template name="cs-or-none">
            <xsl:with-param name="v" select="string($q/answer)"/>
          </xsl:call-template>
        </div>
      </section>
      <section aria-labelledby="cs-public">
        <h2 id="cs-public">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.pub.version'"/>
          </xsl:call-template>
        </h2>
        <xsl:choose>
          <xsl:when test="$can">
            <form class="form" method="post" action="{$consult-mount}{$base}/publish"
                accept-charset="UTF-8" novalidate="novalidate">
              <xsl:call-template name="form-hidden"/>
              <xsl:call-template name="field">
                <xsl:with-param name="name" select="'public_subject'"/>
                <xsl:with-param name="label" select="'consult.pub.f.public_subject'"/>
                <xsl:with-param name="required" select="'yes'"/>
                <xsl:with-param name="maxlength" select="'40'"/>
              </xsl:call-template>
              <xsl:call-template name="field">
                <xsl:with-param name="name" select="'public_body'"/>
                <xsl:with-param name="label" select="'consult.pub.f.public_body'"/>
                <xsl:with-param name="type" select="'textarea'"/>
                <xsl:with-param name="required" select="'yes'"/>
                <xsl:with-param name="maxlength" select="'1000'"/>
              </xsl:call-template>
              <xsl:call-template name="field">
                <xsl:with-param name="name" select="'public_answer'"/>
                <xsl:with-param name="label" select="'consult.pub.f.public_answer'"/>
                <xsl:with-param name="type" select="'textarea'"/>
                <xsl:with-param name="required" select="'yes'"/>
                <xsl:with-param name="maxlength" select="'6000'"/>
                <xsl:with-param name="rows" select="'10'"/>
              </xsl:call-template>
              <xsl:call-template name="submit">
                <xsl:with-param name="label">
                  <xsl:choose>
                    <xsl:when test="$q/published = '1'">consult.pub.update</xsl:when>
                    <xsl:otherwise>consult.pub.submit</xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:call-template>
            </form>
          </xsl:when>
          <xsl:otherwise>
            <!-- Supervisors (and a question not yet answered): the proposed text, to read. -->
            <h3><xsl:value-of select="/page/values/value[@name = 'public_subject'][1]"/></h3>
            <div class="text-body">
              <xsl:value-of select="/page/values/value[@name = 'public_body'][1]"/>
            </div>
            <h3>
              <xsl:call-template name="cs-t">
                <xsl:with-param name="key" select="'consult.pub.answer'"/>
              </xsl:call-template>
            </h3>
            <div class="text-body">
              <xsl:call-template name="cs-or-none">
                <xsl:with-param name="v" select="string(/page/values/value[@name = 'public_answer'][1])"/>
              </xsl:call-template>
            </div>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </div>
    <xsl:if test="$cs-is-office and $q/published = '1'">
      <section aria-labelledby="cs-unpublish">
        <h2 id="cs-unpublish">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.pub.unpublish'"/>
          </xsl:call-template>
        </h2>
        <xsl:call-template name="cs-button">
          <xsl:with-param name="path" select="concat($base, '/unpublish')"/>
          <xsl:with-param name="key" select="'consult.pub.unpublish.submit'"/>
        </xsl:call-template>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ===== supervise ===== -->

  <xsl:template match="page[@view = 'supervise']" mode="title">
    <xsl:call-template name="cs-t">
      <xsl:with-param name="key" select="'consult.sup.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'supervise']" mode="content">
    <xsl:variable name="departments">
      <xsl:for-each select="departments/department">
        <o value="{id}"><xsl:value-of select="name"/></o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="lights">
      <xsl:for-each select="str:tokenize('green yellow red', ' ')">
        <o value="{.}">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="concat('consult.light.', .)"/>
          </xsl:call-template>
        </o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="ratings">
      <xsl:for-each select="str:tokenize('5 4 3 2 1', ' ')">
        <o value="{.}">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="concat('evaluate.level.', .)"/>
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

    <xsl:call-template name="cs-heading"/>
    <xsl:call-template name="consult-staff-menu"/>
    <xsl:call-template name="cs-p">
      <xsl:with-param name="key" select="'consult.sup.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'consult.sup.f.'"/>
    </xsl:call-template>
    <form class="form filter-form" method="get" action="{$consult-mount}supervise"
        accept-charset="UTF-8" role="search">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="'consult.sup.filter'"/>
        </xsl:call-template>
      </xsl:attribute>
      <div class="filter-fields">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'department'"/>
          <xsl:with-param name="label" select="'consult.sup.f.department'"/>
          <xsl:with-param name="type" select="'select'"/>
          <xsl:with-param name="options" select="exsl:node-set($departments)/o"/>
          <xsl:with-param name="empty-label" select="'consult.sup.any'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'clerk'"/>
          <xsl:with-param name="label" select="'consult.sup.f.clerk'"/>
          <xsl:with-param name="hint" select="'consult.sup.h.clerk'"/>
          <xsl:with-param name="maxlength" select="'16'"/>
          <xsl:with-param name="autocomplete" select="'off'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'from'"/>
          <xsl:with-param name="label" select="'consult.sup.f.from'"/>
          <xsl:with-param name="type" select="'date'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'to'"/>
          <xsl:with-param name="label" select="'consult.sup.f.to'"/>
          <xsl:with-param name="type" select="'date'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'light'"/>
          <xsl:with-param name="label" select="'consult.sup.f.light'"/>
          <xsl:with-param name="type" select="'select'"/>
          <xsl:with-param name="options" select="exsl:node-set($lights)/o"/>
          <xsl:with-param name="empty-label" select="'consult.sup.any'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'rating'"/>
          <xsl:with-param name="label" select="'consult.sup.f.rating'"/>
          <xsl:with-param name="type" select="'select'"/>
          <xsl:with-param name="options" select="exsl:node-set($ratings)/o"/>
          <xsl:with-param name="empty-label" select="'consult.sup.any'"/>
        </xsl:call-template>
      </div>
      <div class="actions">
        <button type="submit" class="button">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.sup.filter.submit'"/>
          </xsl:call-template>
        </button>
        <xsl:text> </xsl:text>
        <a href="{$consult-mount}supervise">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.sup.filter.clear'"/>
          </xsl:call-template>
        </a>
      </div>
    </form>

    <xsl:choose>
      <xsl:when test="questions/question">
        <div class="table-wrap" role="region" aria-labelledby="cs-sup-caption" tabindex="0">
          <table class="data-table">
            <caption id="cs-sup-caption">
              <xsl:call-template name="cs-t">
                <xsl:with-param name="key" select="'consult.sup.caption'"/>
              </xsl:call-template>
            </caption>
            <thead>
              <tr>
                <xsl:for-each select="str:tokenize('no subject area state staff_no asked assigned first_response answered first_secs', ' ')">
                  <xsl:call-template name="cs-th">
                    <xsl:with-param name="key" select="concat('consult.col.', .)"/>
                  </xsl:call-template>
                </xsl:for-each>
                <xsl:for-each select="str:tokenize('level efficiency accuracy convenience', ' ')">
                  <xsl:call-template name="cs-th">
                    <xsl:with-param name="key" select="concat('evaluate.f.', .)"/>
                  </xsl:call-template>
                </xsl:for-each>
                <xsl:call-template name="cs-th">
                  <xsl:with-param name="key" select="'consult.col.light'"/>
                </xsl:call-template>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="questions/question">
                <xsl:variable name="q" select="."/>
                <tr>
                  <xsl:for-each select="str:tokenize('no subject area state staff_no asked assigned first_response answered', ' ')">
                    <xsl:call-template name="cs-question-cell">
                      <xsl:with-param name="q" select="$q"/>
                      <xsl:with-param name="col" select="string(.)"/>
                    </xsl:call-template>
                  </xsl:for-each>
                  <td class="nowrap">
                    <xsl:call-template name="consult-minutes">
                      <xsl:with-param name="secs" select="string(first_secs)"/>
                    </xsl:call-template>
                  </td>
                  <xsl:for-each select="str:tokenize('level efficiency accuracy convenience', ' ')">
                    <xsl:variable name="col" select="string(.)"/>
                    <td>
                      <xsl:call-template name="consult-code">
                        <xsl:with-param name="prefix" select="'evaluate.level.'"/>
                        <xsl:with-param name="code" select="string($q/*[local-name() = $col])"/>
                      </xsl:call-template>
                    </td>
                  </xsl:for-each>
                  <xsl:call-template name="cs-question-cell">
                    <xsl:with-param name="q" select="$q"/>
                    <xsl:with-param name="col" select="'light'"/>
                  </xsl:call-template>
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
        <xsl:call-template name="cs-p">
          <xsl:with-param name="key" select="'consult.sup.empty'"/>
          <xsl:with-param name="class" select="'empty'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== supervise-figures ===== -->

  <xsl:template match="page[@view = 'supervise-figures']" mode="title">
    <xsl:call-template name="cs-t">
      <xsl:with-param name="key" select="'consult.fig.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'supervise-figures']" mode="content">
    <!-- The period, kept in the CSV's link. -->
    <xsl:variable name="period">
      <xsl:for-each select="values/value[(@name = 'from' or @name = 'to') and normalize-space(.) != '']">
        <xsl:value-of select="concat(substring('?&amp;', 1 + number(position() > 1), 1), @name, '=',
            str:encode-uri(string(.), true()))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="cs-heading"/>
    <xsl:call-template name="consult-staff-menu"/>
    <xsl:call-template name="cs-p">
      <xsl:with-param name="key" select="'consult.fig.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'consult.sup.f.'"/>
    </xsl:call-template>
    <form class="form filter-form" method="get" action="{$consult-mount}supervise/figures"
        accept-charset="UTF-8">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="'consult.fig.period'"/>
        </xsl:call-template>
      </xsl:attribute>
      <div class="filter-fields">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'from'"/>
          <xsl:with-param name="label" select="'consult.sup.f.from'"/>
          <xsl:with-param name="type" select="'date'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'to'"/>
          <xsl:with-param name="label" select="'consult.sup.f.to'"/>
          <xsl:with-param name="type" select="'date'"/>
        </xsl:call-template>
      </div>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'consult.sup.filter.submit'"/>
      </xsl:call-template>
    </form>
    <p>
      <a href="{$consult-mount}supervise/figures.csv{$period}" download="consult-figures.csv"
          type="text/csv">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="'consult.fig.csv'"/>
        </xsl:call-template>
      </a>
    </p>

    <section aria-labelledby="cs-fig-dept-heading">
      <h2 id="cs-fig-dept-heading">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="'consult.fig.by-department'"/>
        </xsl:call-template>
      </h2>
      <xsl:call-template name="cs-figures">
        <xsl:with-param name="id" select="'cs-fig-dept'"/>
        <xsl:with-param name="caption" select="'consult.fig.by-department.caption'"/>
        <xsl:with-param name="first" select="'consult.fig.department'"/>
        <xsl:with-param name="rows" select="by-department/row"/>
      </xsl:call-template>
      <xsl:if test="by-department/row">
        <xsl:call-template name="cs-chart">
          <xsl:with-param name="rows" select="by-department/row"/>
        </xsl:call-template>
      </xsl:if>
    </section>

    <section aria-labelledby="cs-fig-clerk-heading">
      <h2 id="cs-fig-clerk-heading">
        <xsl:call-template name="cs-t">
          <xsl:with-param name="key" select="'consult.fig.by-clerk'"/>
        </xsl:call-template>
      </h2>
      <xsl:call-template name="cs-figures">
        <xsl:with-param name="id" select="'cs-fig-clerk'"/>
        <xsl:with-param name="caption" select="'consult.fig.by-clerk.caption'"/>
        <xsl:with-param name="first" select="'consult.fig.clerk'"/>
        <xsl:with-param name="rows" select="by-clerk/row"/>
      </xsl:call-template>
    </section>
    <xsl:call-template name="cs-p">
      <xsl:with-param name="key" select="'consult.fig.notes'"/>
      <xsl:with-param name="class" select="'meta'"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    The chart: for each department a bar of questions (class bar) above one
    of questions responded to (class bar-alt), scaled to the most questions,
    with the department's name at the left and each number at its bar's
    right.  The table above holds the same figures.
  -->
  <xsl:template name="cs-chart">
    <xsl:param name="rows"/>
    <xsl:variable name="n" select="count($rows)"/>
    <xsl:variable name="max">
      <xsl:for-each select="$rows">
        <xsl:sort select="questions" data-type="number" order="descending"/>
        <xsl:if test="position() = 1">
          <xsl:value-of select="number(questions)"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="label-w" select="170"/>
    <xsl:variable name="bar-w" select="380"/>
    <xsl:variable name="row-h" select="44"/>
    <xsl:variable name="top" select="36"/>
    <xsl:variable name="title">
      <xsl:call-template name="cs-t">
        <xsl:with-param name="key" select="'consult.fig.chart'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="l-questions">
      <xsl:call-template name="cs-t">
        <xsl:with-param name="key" select="'consult.fig.questions'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="l-responded">
      <xsl:call-template name="cs-t">
        <xsl:with-param name="key" select="'consult.fig.responded'"/>
      </xsl:call-template>
    </xsl:variable>
    <figure>
      <svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"
          width="{$label-w + $bar-w + 60}" height="{$top + $n * $row-h + 8}"
          viewBox="0 0 {$label-w + $bar-w + 60} {$top + $n * $row-h + 8}"
          aria-labelledby="cs-chart-title cs-chart-desc">
        <title id="cs-chart-title">
          <xsl:value-of select="$title"/>
        </title>
        <desc id="cs-chart-desc">
          <xsl:call-template name="cs-t">
            <xsl:with-param name="key" select="'consult.fig.chart.desc'"/>
          </xsl:call-template>
        </desc>
        <rect class="bar legend" x="{$label-w}" y="8" width="14" height="14"/>
        <text x="{$label-w + 20}" y="20">
          <xsl:value-of select="$l-questions"/>
        </text>
        <rect class="bar-alt legend" x="{$label-w + 120}" y="8" width="14" height="14"/>
        <text x="{$label-w + 140}" y="20">
          <xsl:value-of select="$l-responded"/>
        </text>
        <xsl:for-each select="$rows">
          <xsl:variable name="y" select="$top + (position() - 1) * $row-h"/>
          <xsl:variable name="w1">
            <xsl:choose>
              <xsl:when test="number($max) > 0">
                <xsl:value-of select="round(number(questions) * $bar-w div number($max))"/>
              </xsl:when>
              <xsl:otherwise>0</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="w2">
            <xsl:choose>
              <xsl:when test="number($max) > 0">
                <xsl:value-of select="round(number(responded) * $bar-w div number($max))"/>
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
                <xsl:value-of select="concat(name, ' ', $l-questions, ' ', questions)"/>
              </title>
            </rect>
            <text x="{$label-w + $w1 + 6}" y="{$y + 17}">
              <xsl:value-of select="questions"/>
            </text>
            <rect class="bar-alt" x="{$label-w}" y="{$y + 22}" width="{$w2}" height="16">
              <title>
                <xsl:value-of select="concat(name, ' ', $l-responded, ' ', responded)"/>
              </title>
            </rect>
            <text x="{$label-w + $w2 + 6}" y="{$y + 35}">
              <xsl:value-of select="responded"/>
            </text>
          </g>
        </xsl:for-each>
      </svg>
    </figure>
  </xsl:template>

</xsl:stylesheet>
