<?xml version="1.0" encoding="UTF-8"?>
<!--
  consult-citizen.xsl: included by consult.xsl.  The public side of the
  consultation (modules/consult/citizen.c, public.c), without an account.
  Views (/page/@view):

    home       GET /             /page/areas/area (id, name, intro),
                                 /page/answers/answer (id, subject, area,
                                 published): the latest published answers
    ask        GET /ask?area=, GET /ask/similar, POST /ask refused (422),
               POST /ask/similar (200)
                                 /page/areas/area, /page/form-time (issued,
                                 sig), what was typed in /page/values (area,
                                 subject, body, name, phone, website, issued,
                                 sig); after "check similar questions",
                                 /page/similar/answer (id, subject, area,
                                 excerpt); messages consult.ask.honeypot,
                                 .expired, .too_fast; consult.ask.stale on area
    suggest    GET /suggest?q=   /page/similar/answer: what static/consult.js
                                 fetches (?format=xml) as the subject is typed
    question   GET /q/{no} (and the GET twin …/followup where a refused
               follow-up comes back)
                                 /page/question (no, subject, state, area,
                                 asked, staff_no, offhours, promise, answered),
                                 /page/evaluation (rating.xsl: the link to rate
                                 the answered question at civic-evaluate.fcgi,
                                 or its rating), /page/receipt/@code
                                 (the query code, the one time it is shown),
                                 /page/thread/message (id, kind, at, body,
                                 staff_no): the citizen's part of the thread;
                                 messages consult.q.done.followup,
                                 consult.followup.closed
    track      GET /track?no=, POST /track refused (422, consult.track.failed)
                                 the number in /page/values
    answers    GET /answers?q=&area=&after=
                                 /page/answers/answer (id, subject, area,
                                 published, excerpt), /page/pager,
                                 /page/areas/area, the filter in /page/values;
                                 when searching, /page/search (q, grams: 0 when
                                 the query had nothing searchable)
    answer     GET /answers/{id} /page/answer (id, no, subject, area, asked,
                                 published, body, reply): the public version

  The citizen's name and phone are never page text here: only the form
  sends them back.  The ask and question pages load static/consult.js
  (mode "head"); they work fully without it.  Named templates and
  variables here begin with "cc-".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="exsl str">

  <!-- ===== shared pieces ===== -->

  <xsl:template name="cc-t">
    <xsl:param name="key"/>
    <xsl:param name="n"/>
    <xsl:param name="s"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="$key"/>
      <xsl:with-param name="n" select="$n"/>
      <xsl:with-param name="s" select="$s"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="cc-heading">
    <h1>
      <xsl:apply-templates select="/page" mode="title"/>
    </h1>
  </xsl:template>

  <xsl:template name="cc-p">
    <xsl:param name="key"/>
    <xsl:param name="class"/>
    <xsl:param name="s"/>
    <p>
      <xsl:if test="$class != ''">
        <xsl:attribute name="class">
          <xsl:value-of select="$class"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="cc-t">
        <xsl:with-param name="key" select="$key"/>
        <xsl:with-param name="s" select="$s"/>
      </xsl:call-template>
    </p>
  </xsl:template>

  <!-- <div><dt>label</dt><dd>content</dd></div> inside a meta-list. -->
  <xsl:template name="cc-meta">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <div>
      <dt>
        <xsl:call-template name="cc-t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </dt>
      <dd>
        <xsl:copy-of select="$value"/>
      </dd>
    </div>
  </xsl:template>

  <xsl:template name="cc-back">
    <xsl:param name="href"/>
    <xsl:param name="key"/>
    <p class="back-link">
      <a href="{$href}">
        <xsl:call-template name="cc-t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- The listed areas as options for the "field" template. -->
  <xsl:variable name="cc-area-options">
    <xsl:for-each select="/page/areas/area">
      <o value="{id}"><xsl:value-of select="name"/></o>
    </xsl:for-each>
  </xsl:variable>

  <!-- A list of published answers: the home page's, the similar ones. -->
  <xsl:template name="cc-answer-list">
    <xsl:param name="answers"/>
    <ul class="item-list">
      <xsl:for-each select="$answers">
        <li>
          <a class="item-title" href="{$consult-mount}answers/{id}">
            <xsl:value-of select="subject"/>
          </a>
          <p class="meta">
            <span class="tag">
              <xsl:value-of select="area"/>
            </span>
            <xsl:if test="published">
              <xsl:call-template name="cc-t">
                <xsl:with-param name="key" select="'consult.answers.published-on'"/>
                <xsl:with-param name="s" select="string(published)"/>
              </xsl:call-template>
            </xsl:if>
          </p>
          <xsl:if test="excerpt">
            <p>
              <xsl:value-of select="excerpt"/>
              <!-- The excerpt is the answer's first 80 characters. -->
              <xsl:if test="string-length(excerpt) >= 80">…</xsl:if>
            </p>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- ===== <head>: the script of the ask and conversation pages, the feed ===== -->

  <xsl:template match="page[@view = 'ask' or @view = 'question']" mode="head">
    <script src="{/page/site/@static}static/consult.js" defer="defer"></script>
  </xsl:template>

  <xsl:template match="page[@view = 'home' or @view = 'answers']" mode="head">
    <xsl:variable name="title">
      <xsl:call-template name="cc-t">
        <xsl:with-param name="key" select="'consult.answers.feed'"/>
      </xsl:call-template>
    </xsl:variable>
    <link rel="alternate" type="application/atom+xml" href="{$consult-mount}answers/feed.atom"
        title="{$title}"/>
  </xsl:template>

  <!-- ===== home ===== -->

  <xsl:template match="page[@view = 'home']" mode="title">
    <xsl:call-template name="cc-t">
      <xsl:with-param name="key" select="'consult.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'home']" mode="content">
    <xsl:call-template name="cc-heading"/>
    <xsl:call-template name="consult-staff-menu"/>
    <xsl:call-template name="cc-p">
      <xsl:with-param name="key" select="'consult.home.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <p>
      <a class="button" href="{$consult-mount}ask">
        <xsl:call-template name="cc-t">
          <xsl:with-param name="key" select="'consult.home.ask'"/>
        </xsl:call-template>
      </a>
    </p>
    <ul class="menu-list">
      <li>
        <a href="{$consult-mount}track">
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.home.track'"/>
          </xsl:call-template>
        </a>
      </li>
      <li>
        <a href="{$consult-mount}answers">
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.home.answers'"/>
          </xsl:call-template>
        </a>
      </li>
    </ul>

    <section aria-labelledby="cc-areas-heading">
      <h2 id="cc-areas-heading">
        <xsl:call-template name="cc-t">
          <xsl:with-param name="key" select="'consult.home.areas'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="areas/area">
          <ul class="item-list">
            <xsl:for-each select="areas/area">
              <li>
                <p class="item-title">
                  <xsl:value-of select="name"/>
                </p>
                <xsl:if test="normalize-space(intro) != ''">
                  <p class="meta">
                    <xsl:value-of select="intro"/>
                  </p>
                </xsl:if>
                <p>
                  <a href="{$consult-mount}ask?area={id}">
                    <xsl:call-template name="cc-t">
                      <xsl:with-param name="key" select="'consult.home.ask-area'"/>
                      <xsl:with-param name="s" select="string(name)"/>
                    </xsl:call-template>
                  </a>
                </p>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="cc-p">
            <xsl:with-param name="key" select="'consult.home.no-areas'"/>
            <xsl:with-param name="class" select="'empty'"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <section aria-labelledby="cc-latest-heading">
      <h2 id="cc-latest-heading">
        <xsl:call-template name="cc-t">
          <xsl:with-param name="key" select="'consult.home.latest'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="answers/answer">
          <xsl:call-template name="cc-answer-list">
            <xsl:with-param name="answers" select="answers/answer"/>
          </xsl:call-template>
          <xsl:call-template name="cc-back">
            <xsl:with-param name="href" select="concat($consult-mount, 'answers')"/>
            <xsl:with-param name="key" select="'consult.home.all-answers'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="cc-p">
            <xsl:with-param name="key" select="'consult.answers.empty'"/>
            <xsl:with-param name="class" select="'empty'"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ===== ask ===== -->

  <xsl:template match="page[@view = 'ask']" mode="title">
    <xsl:call-template name="cc-t">
      <xsl:with-param name="key" select="'consult.ask.title'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The signed form time: the one just issued, else the one carried on. -->
  <xsl:template name="cc-form-time">
    <xsl:choose>
      <xsl:when test="/page/form-time">
        <input type="hidden" name="issued" value="{/page/form-time/@issued}"/>
        <input type="hidden" name="sig" value="{/page/form-time/@sig}"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'issued'"/>
          <xsl:with-param name="type" select="'hidden'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'sig'"/>
          <xsl:with-param name="type" select="'hidden'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The honeypot: a text input people never see nor reach (visually hidden,
    out of the tab order, not autofilled), which bots fill in.
  -->
  <xsl:template name="cc-honeypot">
    <div class="visually-hidden" aria-hidden="true">
      <label for="f-website">
        <xsl:call-template name="cc-t">
          <xsl:with-param name="key" select="'consult.ask.honeypot-label'"/>
        </xsl:call-template>
      </label>
      <input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off"
          value="{/page/values/value[@name = 'website'][1]}"/>
    </div>
  </xsl:template>

  <xsl:template match="page[@view = 'ask']" mode="content">
    <xsl:call-template name="cc-heading"/>
    <xsl:call-template name="cc-p">
      <xsl:with-param name="key" select="'consult.ask.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'consult.ask.f.'"/>
    </xsl:call-template>

    <!-- After "check similar questions": the published answers like the subject. -->
    <xsl:if test="similar">
      <section class="msg" aria-labelledby="cc-similar-heading">
        <h2 id="cc-similar-heading">
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.similar.heading'"/>
          </xsl:call-template>
        </h2>
        <xsl:choose>
          <xsl:when test="similar/answer">
            <xsl:call-template name="cc-answer-list">
              <xsl:with-param name="answers" select="similar/answer"/>
            </xsl:call-template>
            <xsl:call-template name="cc-p">
              <xsl:with-param name="key" select="'consult.similar.still'"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="cc-p">
              <xsl:with-param name="key" select="'consult.similar.none'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:if>

    <!--
      novalidate: the server's messages, tied to their fields, say more.
      data-suggest: where static/consult.js asks for similar answers as the
      subject is typed.
    -->
    <form class="form" id="consult-ask" method="post" action="{$consult-mount}ask"
        accept-charset="UTF-8" novalidate="novalidate"
        data-suggest="{$consult-mount}suggest" data-answers="{$consult-mount}answers/">
      <xsl:call-template name="form-hidden"/>
      <xsl:call-template name="cc-form-time"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'area'"/>
        <xsl:with-param name="label" select="'consult.ask.f.area'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'consult.ask.h.area'"/>
        <xsl:with-param name="options" select="exsl:node-set($cc-area-options)/o"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'subject'"/>
        <xsl:with-param name="label" select="'consult.ask.f.subject'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'consult.ask.h.subject'"/>
        <xsl:with-param name="maxlength" select="'40'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <!-- Filled by static/consult.js as the subject is typed; empty without it. -->
      <div id="consult-suggest" class="consult-suggest" aria-live="polite">
        <xsl:attribute name="data-heading">
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.similar.heading'"/>
          </xsl:call-template>
        </xsl:attribute>
      </div>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'body'"/>
        <xsl:with-param name="label" select="'consult.ask.f.body'"/>
        <xsl:with-param name="type" select="'textarea'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'consult.ask.h.body'"/>
        <xsl:with-param name="maxlength" select="'1000'"/>
        <xsl:with-param name="rows" select="'8'"/>
      </xsl:call-template>
      <fieldset>
        <legend>
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.ask.contact'"/>
          </xsl:call-template>
        </legend>
        <xsl:call-template name="cc-p">
          <xsl:with-param name="key" select="'consult.ask.privacy'"/>
          <xsl:with-param name="class" select="'notice'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="label" select="'consult.ask.f.name'"/>
          <xsl:with-param name="maxlength" select="'20'"/>
          <xsl:with-param name="autocomplete" select="'name'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'phone'"/>
          <xsl:with-param name="label" select="'consult.ask.f.phone'"/>
          <xsl:with-param name="type" select="'tel'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="hint" select="'consult.ask.h.phone'"/>
          <xsl:with-param name="maxlength" select="'20'"/>
          <xsl:with-param name="autocomplete" select="'tel'"/>
        </xsl:call-template>
      </fieldset>
      <xsl:call-template name="cc-honeypot"/>
      <div class="actions">
        <button type="submit" class="button">
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.ask.submit'"/>
          </xsl:call-template>
        </button>
        <xsl:text> </xsl:text>
        <button type="submit" class="button" formaction="{$consult-mount}ask/similar"
            aria-describedby="cc-similar-hint">
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.ask.similar'"/>
          </xsl:call-template>
        </button>
        <p class="hint" id="cc-similar-hint">
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.ask.h.similar'"/>
          </xsl:call-template>
        </p>
      </div>
    </form>
    <xsl:call-template name="cc-back">
      <xsl:with-param name="href" select="concat($consult-mount, 'track')"/>
      <xsl:with-param name="key" select="'consult.track.title'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== suggest (what the script reads; as a page, a plain list) ===== -->

  <xsl:template match="page[@view = 'suggest']" mode="title">
    <xsl:call-template name="cc-t">
      <xsl:with-param name="key" select="'consult.similar.heading'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'suggest']" mode="content">
    <xsl:call-template name="cc-heading"/>
    <xsl:choose>
      <xsl:when test="similar/answer">
        <xsl:call-template name="cc-answer-list">
          <xsl:with-param name="answers" select="similar/answer"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="cc-p">
          <xsl:with-param name="key" select="'consult.similar.none'"/>
          <xsl:with-param name="class" select="'empty'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <p>
      <a class="button" href="{$consult-mount}ask">
        <xsl:call-template name="cc-t">
          <xsl:with-param name="key" select="'consult.home.ask'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- ===== question: the conversation ===== -->

  <xsl:template match="page[@view = 'question']" mode="title">
    <xsl:call-template name="cc-t">
      <xsl:with-param name="key" select="'consult.q.title'"/>
      <xsl:with-param name="s" select="string(question/no)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The label of a thread message's kind, with the staff number when there is one. -->
  <xsl:template name="cc-kind">
    <xsl:param name="m"/>
    <xsl:choose>
      <xsl:when test="($m/kind = 'answer' or $m/kind = 'phone') and $m/staff_no">
        <xsl:call-template name="cc-t">
          <xsl:with-param name="key" select="concat('consult.kind.', $m/kind, '-by')"/>
          <xsl:with-param name="s" select="string($m/staff_no)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="cc-t">
          <xsl:with-param name="key" select="concat('consult.kind.', $m/kind)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@view = 'question']" mode="content">
    <xsl:variable name="q" select="question"/>
    <xsl:variable name="no" select="string($q/no)"/>
    <xsl:variable name="state" select="string($q/state)"/>
    <xsl:call-template name="cc-heading"/>

    <!-- The query code, the one time it is shown. -->
    <xsl:if test="receipt/@code">
      <section class="msg msg-warn" aria-labelledby="cc-receipt-heading">
        <h2 id="cc-receipt-heading">
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.receipt.heading'"/>
          </xsl:call-template>
        </h2>
        <dl class="meta-list">
          <xsl:call-template name="cc-meta">
            <xsl:with-param name="key" select="'consult.track.f.no'"/>
            <xsl:with-param name="value">
              <strong><xsl:value-of select="$no"/></strong>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="cc-meta">
            <xsl:with-param name="key" select="'consult.track.f.code'"/>
            <xsl:with-param name="value">
              <strong><xsl:value-of select="receipt/@code"/></strong>
            </xsl:with-param>
          </xsl:call-template>
        </dl>
        <xsl:call-template name="cc-p">
          <xsl:with-param name="key" select="'consult.receipt.write-down'"/>
        </xsl:call-template>
      </section>
    </xsl:if>

    <dl class="meta-list">
      <xsl:call-template name="cc-meta">
        <xsl:with-param name="key" select="'consult.track.f.no'"/>
        <xsl:with-param name="value" select="$no"/>
      </xsl:call-template>
      <xsl:call-template name="cc-meta">
        <xsl:with-param name="key" select="'consult.q.area'"/>
        <xsl:with-param name="value" select="string($q/area)"/>
      </xsl:call-template>
      <xsl:call-template name="cc-meta">
        <xsl:with-param name="key" select="'consult.q.state'"/>
        <xsl:with-param name="value">
          <strong>
            <xsl:call-template name="consult-code">
              <xsl:with-param name="prefix" select="'consult.state.'"/>
              <xsl:with-param name="code" select="$state"/>
            </xsl:call-template>
          </strong>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="cc-meta">
        <xsl:with-param name="key" select="'consult.q.asked'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="consult-time">
            <xsl:with-param name="t" select="string($q/asked)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </dl>
    <h2 class="consult-subject">
      <xsl:value-of select="$q/subject"/>
    </h2>

    <!-- Who has it, or what was promised; the script puts a clerk's number in when one claims it. -->
    <xsl:if test="$state = 'open'">
      <p id="consult-who" class="notice">
        <xsl:attribute name="data-serving">
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.q.serving'"/>
            <xsl:with-param name="s" select="'{s}'"/>
          </xsl:call-template>
        </xsl:attribute>
        <xsl:choose>
          <xsl:when test="$q/staff_no">
            <xsl:call-template name="cc-t">
              <xsl:with-param name="key" select="'consult.q.serving'"/>
              <xsl:with-param name="s" select="string($q/staff_no)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="$q/offhours = '1'">
            <!-- The promised time as <time>, where the message has {s}. -->
            <xsl:variable name="text">
              <xsl:call-template name="cc-t">
                <xsl:with-param name="key" select="'consult.q.offhours'"/>
                <xsl:with-param name="s" select="'{s}'"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:value-of select="substring-before($text, '{s}')"/>
            <strong>
              <xsl:call-template name="consult-time">
                <xsl:with-param name="t" select="string($q/promise)"/>
              </xsl:call-template>
            </strong>
            <xsl:value-of select="substring-after($text, '{s}')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="cc-t">
              <xsl:with-param name="key" select="'consult.q.waiting'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:if>

    <section aria-labelledby="cc-thread-heading">
      <h2 id="cc-thread-heading">
        <xsl:call-template name="cc-t">
          <xsl:with-param name="key" select="'consult.q.thread'"/>
        </xsl:call-template>
      </h2>
      <!--
        data-*: what static/consult.js needs to append new messages as
        this list shows them: where to poll, the last message's id, the
        state, and the words of the kinds ({s}: the staff number).
      -->
      <ol id="thread" class="item-list consult-thread" data-poll="{$consult-mount}q/{$no}/poll"
          data-state="{$state}" aria-live="polite">
        <xsl:attribute name="data-last">
          <xsl:choose>
            <xsl:when test="thread/message">
              <xsl:value-of select="thread/message[last()]/id"/>
            </xsl:when>
            <xsl:otherwise>0</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:for-each select="str:tokenize('question followup answer answer-by phone phone-by', ' ')">
          <xsl:attribute name="data-kind-{.}">
            <xsl:call-template name="cc-t">
              <xsl:with-param name="key" select="concat('consult.kind.', .)"/>
              <xsl:with-param name="s" select="'{s}'"/>
            </xsl:call-template>
          </xsl:attribute>
        </xsl:for-each>
        <xsl:for-each select="thread/message">
          <li data-id="{id}" class="consult-{kind}">
            <p class="meta">
              <strong>
                <xsl:call-template name="cc-kind">
                  <xsl:with-param name="m" select="."/>
                </xsl:call-template>
              </strong>
              <xsl:text> </xsl:text>
              <xsl:call-template name="consult-time">
                <xsl:with-param name="t" select="string(at)"/>
              </xsl:call-template>
            </p>
            <div class="text-body">
              <xsl:value-of select="body"/>
            </div>
          </li>
        </xsl:for-each>
      </ol>
      <!-- The script's word when an answer came while a follow-up was being typed. -->
      <p id="thread-status" role="status">
        <xsl:attribute name="data-answered">
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.q.answered-reload'"/>
          </xsl:call-template>
        </xsl:attribute>
      </p>
    </section>

    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'consult.q.f.'"/>
    </xsl:call-template>

    <xsl:apply-templates select="/page/evaluation[rating or @href]"/>

    <xsl:choose>
      <xsl:when test="$state != 'closed'">
        <section aria-labelledby="cc-followup-heading">
          <h2 id="cc-followup-heading">
            <xsl:call-template name="cc-t">
              <xsl:with-param name="key" select="'consult.followup.title'"/>
            </xsl:call-template>
          </h2>
          <form class="form" id="consult-followup" method="post"
              action="{$consult-mount}q/{$no}/followup" accept-charset="UTF-8"
              novalidate="novalidate">
            <xsl:call-template name="form-hidden"/>
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="'body'"/>
              <xsl:with-param name="label" select="'consult.q.f.body'"/>
              <xsl:with-param name="type" select="'textarea'"/>
              <xsl:with-param name="required" select="'yes'"/>
              <xsl:with-param name="hint" select="'consult.q.h.body'"/>
              <xsl:with-param name="maxlength" select="'1000'"/>
              <xsl:with-param name="rows" select="'4'"/>
            </xsl:call-template>
            <xsl:call-template name="submit">
              <xsl:with-param name="label" select="'consult.followup.submit'"/>
            </xsl:call-template>
          </form>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="cc-p">
          <xsl:with-param name="key" select="'consult.q.closed'"/>
          <xsl:with-param name="class" select="'notice'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="cc-back">
      <xsl:with-param name="href" select="$consult-mount"/>
      <xsl:with-param name="key" select="'consult.back-home'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== track ===== -->

  <xsl:template match="page[@view = 'track']" mode="title">
    <xsl:call-template name="cc-t">
      <xsl:with-param name="key" select="'consult.track.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'track']" mode="content">
    <xsl:call-template name="cc-heading"/>
    <xsl:call-template name="cc-p">
      <xsl:with-param name="key" select="'consult.track.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'consult.track.f.'"/>
    </xsl:call-template>
    <form class="form" method="post" action="{$consult-mount}track" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="form-csrf"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'no'"/>
        <xsl:with-param name="label" select="'consult.track.f.no'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'consult.track.h.no'"/>
        <xsl:with-param name="maxlength" select="'17'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <!-- A code is typed, not remembered by the browser: text, autocomplete off. -->
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'code'"/>
        <xsl:with-param name="label" select="'consult.track.f.code'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'consult.track.h.code'"/>
        <xsl:with-param name="maxlength" select="'32'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'consult.track.submit'"/>
      </xsl:call-template>
    </form>
    <xsl:call-template name="cc-back">
      <xsl:with-param name="href" select="concat($consult-mount, 'ask')"/>
      <xsl:with-param name="key" select="'consult.ask.title'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== answers: the published answers ===== -->

  <xsl:template match="page[@view = 'answers']" mode="title">
    <xsl:call-template name="cc-t">
      <xsl:with-param name="key" select="'consult.answers.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'answers']" mode="content">
    <xsl:variable name="q" select="string(values/value[@name = 'q'][1])"/>
    <!-- The filters in force as a query string, for the pager's links. -->
    <xsl:variable name="query">
      <xsl:for-each select="values/value[(@name = 'q' or @name = 'area') and . != '']">
        <xsl:if test="position() > 1">&amp;</xsl:if>
        <xsl:value-of select="concat(@name, '=', str:encode-uri(string(.), true()))"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="cc-heading"/>
    <xsl:call-template name="cc-p">
      <xsl:with-param name="key" select="'consult.answers.intro'"/>
      <xsl:with-param name="class" select="'lead'"/>
    </xsl:call-template>
    <ul class="menu-list">
      <li>
        <a href="{$consult-mount}ask">
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.home.ask'"/>
          </xsl:call-template>
        </a>
      </li>
      <li>
        <a href="{$consult-mount}answers/feed.atom" type="application/atom+xml">
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.answers.feed'"/>
          </xsl:call-template>
        </a>
      </li>
    </ul>

    <!-- A plain GET form: filter and search work without JavaScript. -->
    <form class="form filter-form" method="get" action="{$consult-mount}answers"
        accept-charset="UTF-8" role="search" novalidate="novalidate">
      <fieldset>
        <legend>
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.answers.filter'"/>
          </xsl:call-template>
        </legend>
        <div class="filter-fields">
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'q'"/>
            <xsl:with-param name="label" select="'consult.answers.f.q'"/>
            <xsl:with-param name="hint" select="'consult.answers.h.q'"/>
            <xsl:with-param name="maxlength" select="'40'"/>
            <xsl:with-param name="autocomplete" select="'off'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'area'"/>
            <xsl:with-param name="label" select="'consult.answers.f.area'"/>
            <xsl:with-param name="type" select="'select'"/>
            <xsl:with-param name="options" select="exsl:node-set($cc-area-options)/o"/>
            <xsl:with-param name="empty-label" select="'consult.answers.all'"/>
          </xsl:call-template>
        </div>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'consult.answers.submit'"/>
        </xsl:call-template>
      </fieldset>
    </form>

    <section class="list-section" aria-labelledby="cc-answers-heading">
      <h2 id="cc-answers-heading">
        <xsl:choose>
          <xsl:when test="$q != ''">
            <xsl:call-template name="cc-t">
              <xsl:with-param name="key" select="'consult.answers.results'"/>
              <xsl:with-param name="s" select="$q"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="cc-t">
              <xsl:with-param name="key" select="'consult.answers.list'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </h2>
      <xsl:choose>
        <xsl:when test="answers/answer">
          <xsl:call-template name="cc-answer-list">
            <xsl:with-param name="answers" select="answers/answer"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">
            <xsl:call-template name="cc-t">
              <xsl:with-param name="key">
                <xsl:choose>
                  <xsl:when test="search/@grams = '0'">consult.answers.empty-nogram</xsl:when>
                  <xsl:when test="$q != ''">consult.answers.empty-search</xsl:when>
                  <xsl:when test="string($query) != ''">consult.answers.empty-filter</xsl:when>
                  <xsl:otherwise>consult.answers.empty</xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="s" select="$q"/>
            </xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="pager">
        <xsl:with-param name="query" select="string($query)"/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- ===== answer: one published answer ===== -->

  <xsl:template match="page[@view = 'answer']" mode="title">
    <xsl:value-of select="answer/subject"/>
  </xsl:template>

  <xsl:template match="page[@view = 'answer']" mode="content">
    <xsl:variable name="a" select="answer"/>
    <article>
      <h1>
        <xsl:value-of select="$a/subject"/>
      </h1>
      <dl class="meta-list">
        <xsl:call-template name="cc-meta">
          <xsl:with-param name="key" select="'consult.track.f.no'"/>
          <xsl:with-param name="value" select="string($a/no)"/>
        </xsl:call-template>
        <xsl:call-template name="cc-meta">
          <xsl:with-param name="key" select="'consult.q.area'"/>
          <xsl:with-param name="value" select="string($a/area)"/>
        </xsl:call-template>
        <xsl:call-template name="cc-meta">
          <xsl:with-param name="key" select="'consult.answer.asked'"/>
          <xsl:with-param name="value">
            <time datetime="{$a/asked}"><xsl:value-of select="$a/asked"/></time>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="cc-meta">
          <xsl:with-param name="key" select="'consult.answer.published'"/>
          <xsl:with-param name="value">
            <time datetime="{$a/published}"><xsl:value-of select="$a/published"/></time>
          </xsl:with-param>
        </xsl:call-template>
      </dl>
      <section aria-labelledby="cc-answer-q">
        <h2 id="cc-answer-q">
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.answer.question'"/>
          </xsl:call-template>
        </h2>
        <!-- Line breaks are kept by CSS (white-space: pre-wrap), not by markup. -->
        <div class="text-body">
          <xsl:value-of select="$a/body"/>
        </div>
      </section>
      <section aria-labelledby="cc-answer-a">
        <h2 id="cc-answer-a">
          <xsl:call-template name="cc-t">
            <xsl:with-param name="key" select="'consult.answer.reply'"/>
          </xsl:call-template>
        </h2>
        <div class="text-body">
          <xsl:value-of select="$a/reply"/>
        </div>
      </section>
    </article>
    <xsl:call-template name="cc-back">
      <xsl:with-param name="href" select="concat($consult-mount, 'answers')"/>
      <xsl:with-param name="key" select="'consult.answer.back'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
