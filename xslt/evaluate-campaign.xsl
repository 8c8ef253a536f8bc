<?xml version="1.0" encoding="UTF-8"?>
<!--
  evaluate-campaign.xsl: included by evaluate.xsl.  Evaluation campaigns
  (网上评议, modules/evaluate/campaign.c) and a window clerk's rating by
  staff number (clerk.c).  Words in i18n/evaluate-campaign.xml.  Views
  (/page/@view):

    campaign-list     GET /campaigns
                        /page/open/campaign, /page/past/campaign (id, title,
                        starts_on, ends_on)
    campaign          GET /campaign/{id}[?done=rated], …/code; POST
                      /campaign/{id}/code (200: the code sent) and the
                      refused POSTs (422)
                        /page/campaign (id, title, intro, starts_on,
                        ends_on, state: upcoming | open | closed); when open
                        /page/departments/department (id, name),
                        /page/questions/question[@no], /page/rating-form
    office-campaigns  GET /office/campaigns
                        /page/campaigns/campaign (id, title, starts_on,
                        ends_on, state, departments, ratings, bad)
    office-campaign   GET /office/campaigns/new, /office/campaigns/{id}
                        /page/departments/department (id, name): every
                        department, the checkbox of the n-th is d(n-1);
                        editing, /page/campaign (id, title, intro,
                        starts_on, ends_on, ratings, questions)
    clerk-find        GET /clerk[?no=]
                        the number in /page/values
    clerk-rate        GET /clerk/{no}[?done=rated], …/code; POST
                      /clerk/{no}/code (200) and the refused POSTs (422)
                        /page/clerk (staff_no, department), /page/rating-form

  The rater's phone is never page text: only the form sends it back.
  Rating forms post in two steps without JavaScript: the "send the code"
  button posts the whole form to …/code (formaction), which answers with
  the form again, everything kept; the other button posts it with the
  code.  Named templates here begin with "ec-".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="exsl str">

  <!-- ===== shared pieces ===== -->

  <xsl:template name="ec-t">
    <xsl:param name="key"/>
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="$key"/>
      <xsl:with-param name="s" select="$s"/>
      <xsl:with-param name="n" select="$n"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ec-p">
    <xsl:param name="key"/>
    <xsl:param name="class"/>
    <xsl:param name="s"/>
    <p>
      <xsl:if test="$class != ''">
        <xsl:attribute name="class">
          <xsl:value-of select="$class"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="ec-t">
        <xsl:with-param name="key" select="$key"/>
        <xsl:with-param name="s" select="$s"/>
      </xsl:call-template>
    </p>
  </xsl:template>

  <xsl:template name="ec-heading">
    <h1>
      <xsl:apply-templates select="/page" mode="title"/>
    </h1>
  </xsl:template>

  <xsl:template name="ec-back">
    <xsl:param name="href"/>
    <xsl:param name="key"/>
    <p class="back-link">
      <a href="{$href}">
        <xsl:call-template name="ec-t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- "2026-11-01 至 2026-11-30" -->
  <xsl:template name="ec-dates">
    <xsl:param name="c"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'evaluate.campaign.dates-range'"/>
      <xsl:with-param name="min" select="string($c/starts_on)"/>
      <xsl:with-param name="max" select="string($c/ends_on)"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    The phone and the code, and the two buttons: send the code (the whole
    form to path/code), then rate.  Enter submits with the form's first
    button: before a code was sent that is "send the code", beside the
    phone; once one was, the rating's, so that Enter after typing the code
    does not ask for another.
  -->
  <xsl:template name="ec-verify">
    <xsl:param name="action"/>
    <xsl:variable name="sent" select="/page/messages/message[@key = 'evaluate.code.sent']
        or /page/values/value[@name = 'code'] or /page/errors/error[@field = 'code']"/>
    <fieldset>
      <legend>
        <xsl:call-template name="ec-t">
          <xsl:with-param name="key" select="'evaluate.verify.legend'"/>
        </xsl:call-template>
      </legend>
      <xsl:call-template name="ec-p">
        <xsl:with-param name="key" select="'evaluate.verify.privacy'"/>
        <xsl:with-param name="class" select="'notice'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'phone'"/>
        <xsl:with-param name="label" select="'evaluate.campaign.f.phone'"/>
        <xsl:with-param name="type" select="'tel'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'evaluate.verify.h.phone'"/>
        <xsl:with-param name="maxlength" select="'11'"/>
        <xsl:with-param name="autocomplete" select="'tel'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
      <xsl:if test="not($sent)">
        <xsl:call-template name="ec-send">
          <xsl:with-param name="action" select="$action"/>
          <xsl:with-param name="key" select="'evaluate.verify.send'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'code'"/>
        <xsl:with-param name="label" select="'evaluate.campaign.f.code'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'evaluate.verify.h.code'"/>
        <xsl:with-param name="maxlength" select="'6'"/>
        <xsl:with-param name="autocomplete" select="'one-time-code'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
    </fieldset>
    <xsl:call-template name="submit">
      <xsl:with-param name="label" select="'evaluate.verify.submit'"/>
    </xsl:call-template>
    <xsl:if test="$sent">
      <xsl:call-template name="ec-send">
        <xsl:with-param name="action" select="$action"/>
        <xsl:with-param name="key" select="'evaluate.verify.again'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="ec-send">
    <xsl:param name="action"/>
    <xsl:param name="key"/>
    <div class="actions">
      <button type="submit" class="button" formaction="{$action}/code">
        <xsl:call-template name="ec-t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </button>
    </div>
  </xsl:template>

  <!-- A campaign's state as a word. -->
  <xsl:template name="ec-state">
    <xsl:param name="state"/>
    <xsl:call-template name="ec-t">
      <xsl:with-param name="key" select="concat('evaluate.campaign.state.', $state)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== campaign-list ===== -->

  <xsl:template match="page[@view = 'campaign-list']" mode="title">
    <xsl:call-template name="ec-t">
      <xsl:with-param name="key" select="'evaluate.campaigns.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'campaign-list']" mode="content">
    <xsl:call-template name="ec-heading"/>
    <xsl:call-template name="eval-staff-menu"/>
    <xsl:call-template name="ec-p">
      <xsl:with-param name="key" select="'evaluate.campaigns.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <section aria-labelledby="ec-open-heading">
      <h2 id="ec-open-heading">
        <xsl:call-template name="ec-t">
          <xsl:with-param name="key" select="'evaluate.campaigns.open'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="open/campaign">
          <ul class="item-list">
            <xsl:for-each select="open/campaign">
              <li>
                <a class="item-title" href="{$eval-mount}campaign/{id}">
                  <xsl:value-of select="title"/>
                </a>
                <p class="meta">
                  <xsl:call-template name="ec-dates">
                    <xsl:with-param name="c" select="."/>
                  </xsl:call-template>
                </p>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="ec-p">
            <xsl:with-param name="key" select="'evaluate.campaigns.none-open'"/>
            <xsl:with-param name="class" select="'empty'"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:if test="past/campaign">
      <section aria-labelledby="ec-past-heading">
        <h2 id="ec-past-heading">
          <xsl:call-template name="ec-t">
            <xsl:with-param name="key" select="'evaluate.campaigns.past'"/>
          </xsl:call-template>
        </h2>
        <ul class="item-list">
          <xsl:for-each select="past/campaign">
            <li>
              <span class="item-title">
                <xsl:value-of select="title"/>
              </span>
              <p class="meta">
                <xsl:call-template name="ec-dates">
                  <xsl:with-param name="c" select="."/>
                </xsl:call-template>
              </p>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
    <xsl:call-template name="ec-back">
      <xsl:with-param name="href" select="concat($eval-mount, 'clerk')"/>
      <xsl:with-param name="key" select="'evaluate.staffno.find.title'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== campaign ===== -->

  <xsl:template match="page[@view = 'campaign']" mode="title">
    <xsl:value-of select="campaign/title"/>
  </xsl:template>

  <xsl:template match="page[@view = 'campaign']" mode="content">
    <xsl:variable name="c" select="campaign"/>
    <xsl:call-template name="ec-heading"/>
    <p class="meta">
      <xsl:call-template name="ec-t">
        <xsl:with-param name="key" select="'evaluate.campaign.when'"/>
      </xsl:call-template>
      <xsl:call-template name="ec-dates">
        <xsl:with-param name="c" select="$c"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
      <span class="tag">
        <xsl:call-template name="ec-state">
          <xsl:with-param name="state" select="$c/state"/>
        </xsl:call-template>
      </span>
    </p>
    <xsl:if test="normalize-space($c/intro) != ''">
      <p class="text-body">
        <xsl:value-of select="$c/intro"/>
      </p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$c/state = 'open'">
        <xsl:call-template name="ec-campaign-form"/>
      </xsl:when>
      <xsl:when test="$c/state = 'upcoming'">
        <xsl:call-template name="ec-p">
          <xsl:with-param name="key" select="'evaluate.campaign.upcoming'"/>
          <xsl:with-param name="class" select="'msg msg-info'"/>
          <xsl:with-param name="s" select="string($c/starts_on)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ec-p">
          <xsl:with-param name="key" select="'evaluate.campaign.closed'"/>
          <xsl:with-param name="class" select="'msg msg-info'"/>
          <xsl:with-param name="s" select="string($c/ends_on)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="ec-back">
      <xsl:with-param name="href" select="concat($eval-mount, 'campaigns')"/>
      <xsl:with-param name="key" select="'evaluate.campaigns.back'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ec-campaign-form">
    <xsl:variable name="action" select="concat($eval-mount, 'campaign/', campaign/id)"/>
    <xsl:variable name="depts">
      <xsl:for-each select="departments/department">
        <o value="{id}"><xsl:value-of select="name"/></o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'evaluate.campaign.f.'"/>
    </xsl:call-template>
    <form class="form" method="post" action="{$action}" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'department'"/>
        <xsl:with-param name="label" select="'evaluate.campaign.f.department'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'evaluate.campaign.h.department'"/>
        <xsl:with-param name="options" select="exsl:node-set($depts)/o"/>
      </xsl:call-template>
      <xsl:for-each select="questions/question">
        <xsl:call-template name="rating-group">
          <xsl:with-param name="name" select="concat('q', @no)"/>
          <xsl:with-param name="legend" select="concat(@no, '. ', .)"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="rating-fields"/>
      <xsl:call-template name="ec-verify">
        <xsl:with-param name="action" select="$action"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- ===== office-campaigns ===== -->

  <xsl:template match="page[@view = 'office-campaigns']" mode="title">
    <xsl:call-template name="ec-t">
      <xsl:with-param name="key" select="'evaluate.campaign.office-list.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'office-campaigns']" mode="content">
    <xsl:call-template name="ec-heading"/>
    <xsl:call-template name="eval-staff-menu"/>
    <p>
      <a class="button" href="{$eval-mount}office/campaigns/new">
        <xsl:call-template name="ec-t">
          <xsl:with-param name="key" select="'evaluate.campaign.office-list.new'"/>
        </xsl:call-template>
      </a>
    </p>
    <xsl:choose>
      <xsl:when test="campaigns/campaign">
        <div class="table-wrap" role="region" aria-labelledby="ec-campaigns-caption"
            tabindex="0">
          <table class="data-table">
            <caption id="ec-campaigns-caption">
              <xsl:call-template name="ec-t">
                <xsl:with-param name="key" select="'evaluate.campaign.office-list.caption'"/>
              </xsl:call-template>
            </caption>
            <thead>
              <tr>
                <xsl:for-each select="exsl:node-set($ec-office-cols)/c">
                  <th scope="col">
                    <xsl:call-template name="ec-t">
                      <xsl:with-param name="key" select="concat('evaluate.campaign.col.', .)"/>
                    </xsl:call-template>
                  </th>
                </xsl:for-each>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="campaigns/campaign">
                <tr>
                  <th scope="row">
                    <a href="{$eval-mount}office/campaigns/{id}">
                      <xsl:value-of select="title"/>
                    </a>
                  </th>
                  <td class="nowrap">
                    <xsl:call-template name="ec-dates">
                      <xsl:with-param name="c" select="."/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="ec-state">
                      <xsl:with-param name="state" select="state"/>
                    </xsl:call-template>
                  </td>
                  <td><xsl:value-of select="departments"/></td>
                  <td><xsl:value-of select="ratings"/></td>
                  <td><xsl:value-of select="bad"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ec-p">
          <xsl:with-param name="key" select="'evaluate.campaign.office-list.empty'"/>
          <xsl:with-param name="class" select="'empty'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:variable name="ec-office-cols">
    <c>title</c><c>dates</c><c>state</c><c>departments</c><c>ratings</c><c>bad</c>
  </xsl:variable>

  <!-- ===== office-campaign ===== -->

  <xsl:template match="page[@view = 'office-campaign']" mode="title">
    <xsl:choose>
      <xsl:when test="campaign">
        <xsl:call-template name="ec-t">
          <xsl:with-param name="key" select="'evaluate.campaign.office.edit'"/>
          <xsl:with-param name="s" select="string(campaign/title)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ec-t">
          <xsl:with-param name="key" select="'evaluate.campaign.office-list.new'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@view = 'office-campaign']" mode="content">
    <xsl:variable name="action">
      <xsl:choose>
        <xsl:when test="campaign">
          <xsl:value-of select="concat($eval-mount, 'office/campaigns/', campaign/id)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat($eval-mount, 'office/campaigns/new')"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="ec-heading"/>
    <xsl:call-template name="eval-staff-menu"/>
    <xsl:if test="campaign">
      <p class="meta">
        <xsl:call-template name="ec-t">
          <xsl:with-param name="key" select="'evaluate.campaign.office.ratings'"/>
          <xsl:with-param name="n" select="string(campaign/ratings)"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <a href="{$eval-mount}campaign/{campaign/id}">
          <xsl:call-template name="ec-t">
            <xsl:with-param name="key" select="'evaluate.campaign.office.public'"/>
          </xsl:call-template>
        </a>
      </p>
      <xsl:if test="campaign/ratings != '0'">
        <xsl:call-template name="ec-p">
          <xsl:with-param name="key" select="'evaluate.campaign.office.fixed'"/>
          <xsl:with-param name="class" select="'notice'"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'evaluate.campaign.f.'"/>
    </xsl:call-template>
    <form class="form" method="post" action="{$action}" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'title'"/>
        <xsl:with-param name="label" select="'evaluate.campaign.f.title'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="maxlength" select="'60'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'intro'"/>
        <xsl:with-param name="label" select="'evaluate.campaign.f.intro'"/>
        <xsl:with-param name="type" select="'textarea'"/>
        <xsl:with-param name="hint" select="'evaluate.campaign.h.intro'"/>
        <xsl:with-param name="maxlength" select="'2000'"/>
        <xsl:with-param name="rows" select="'5'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'starts_on'"/>
        <xsl:with-param name="label" select="'evaluate.campaign.f.starts_on'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="'yes'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'ends_on'"/>
        <xsl:with-param name="label" select="'evaluate.campaign.f.ends_on'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'evaluate.campaign.h.ends_on'"/>
      </xsl:call-template>
      <xsl:call-template name="ec-departments"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'questions'"/>
        <xsl:with-param name="label" select="'evaluate.campaign.f.questions'"/>
        <xsl:with-param name="type" select="'textarea'"/>
        <xsl:with-param name="hint" select="'evaluate.campaign.h.questions'"/>
        <xsl:with-param name="rows" select="'8'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'evaluate.campaign.office.save'"/>
      </xsl:call-template>
    </form>
    <xsl:call-template name="ec-back">
      <xsl:with-param name="href" select="concat($eval-mount, 'office/campaigns')"/>
      <xsl:with-param name="key" select="'evaluate.campaign.office-list.back'"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    Every department a checkbox of its own, d0, d1, … (a form may not
    repeat a name), its value the department's id: ticked when the value
    sent back (or stored) is that id.
  -->
  <xsl:template name="ec-departments">
    <xsl:variable name="error" select="/page/errors/error[@field = 'departments'][1]"/>
    <fieldset id="f-departments">
      <xsl:attribute name="class">
        <xsl:text>field</xsl:text>
        <xsl:if test="$error"> field-invalid</xsl:if>
      </xsl:attribute>
      <legend>
        <xsl:call-template name="ec-t">
          <xsl:with-param name="key" select="'evaluate.campaign.f.departments'"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <span class="req">
          <xsl:call-template name="ec-t">
            <xsl:with-param name="key" select="'form.required'"/>
          </xsl:call-template>
        </span>
      </legend>
      <xsl:if test="$error">
        <p class="field-error" id="f-departments-error">
          <span class="visually-hidden">
            <xsl:call-template name="ec-t">
              <xsl:with-param name="key" select="'form.error-prefix'"/>
            </xsl:call-template>
          </span>
          <xsl:apply-templates select="$error" mode="text"/>
        </p>
      </xsl:if>
      <xsl:for-each select="departments/department">
        <xsl:variable name="name" select="concat('d', position() - 1)"/>
        <div class="field-checkbox">
          <input type="checkbox" id="f-{$name}" name="{$name}" value="{id}">
            <xsl:if test="string(/page/values/value[@name = $name][1]) = string(id)">
              <xsl:attribute name="checked">checked</xsl:attribute>
            </xsl:if>
          </input>
          <label for="f-{$name}">
            <xsl:value-of select="name"/>
          </label>
        </div>
      </xsl:for-each>
    </fieldset>
  </xsl:template>

  <!-- ===== clerk-find ===== -->

  <xsl:template match="page[@view = 'clerk-find']" mode="title">
    <xsl:call-template name="ec-t">
      <xsl:with-param name="key" select="'evaluate.staffno.find.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'clerk-find']" mode="content">
    <xsl:call-template name="ec-heading"/>
    <xsl:call-template name="ec-p">
      <xsl:with-param name="key" select="'evaluate.staffno.find.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <form class="form" method="get" action="{$eval-mount}clerk" accept-charset="UTF-8">
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'no'"/>
        <xsl:with-param name="label" select="'evaluate.campaign.f.no'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'evaluate.staffno.h.no'"/>
        <xsl:with-param name="maxlength" select="'16'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'evaluate.staffno.find.submit'"/>
      </xsl:call-template>
    </form>
    <xsl:call-template name="ec-back">
      <xsl:with-param name="href" select="concat($eval-mount, 'campaigns')"/>
      <xsl:with-param name="key" select="'evaluate.campaigns.title'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== clerk-rate ===== -->

  <xsl:template match="page[@view = 'clerk-rate']" mode="title">
    <xsl:call-template name="ec-t">
      <xsl:with-param name="key" select="'evaluate.staffno.title'"/>
      <xsl:with-param name="s" select="string(clerk/staff_no)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'clerk-rate']" mode="content">
    <xsl:variable name="action"
        select="concat($eval-mount, 'clerk/', str:encode-uri(string(clerk/staff_no), true()))"/>
    <xsl:call-template name="ec-heading"/>
    <dl class="meta-list">
      <div>
        <dt>
          <xsl:call-template name="ec-t">
            <xsl:with-param name="key" select="'evaluate.campaign.f.no'"/>
          </xsl:call-template>
        </dt>
        <dd><xsl:value-of select="clerk/staff_no"/></dd>
      </div>
      <div>
        <dt>
          <xsl:call-template name="ec-t">
            <xsl:with-param name="key" select="'evaluate.staffno.department'"/>
          </xsl:call-template>
        </dt>
        <dd><xsl:value-of select="clerk/department"/></dd>
      </div>
    </dl>
    <xsl:call-template name="ec-p">
      <xsl:with-param name="key" select="'evaluate.staffno.intro'"/>
    </xsl:call-template>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'evaluate.campaign.f.'"/>
    </xsl:call-template>
    <form class="form" method="post" action="{$action}" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <xsl:call-template name="rating-fields"/>
      <xsl:call-template name="ec-verify">
        <xsl:with-param name="action" select="$action"/>
      </xsl:call-template>
    </form>
    <xsl:call-template name="ec-back">
      <xsl:with-param name="href" select="concat($eval-mount, 'clerk')"/>
      <xsl:with-param name="key" select="'evaluate.staffno.find.title'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
