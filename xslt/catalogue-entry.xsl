<?xml version="1.0" encoding="UTF-8"?>
<!--
  catalogue-entry.xsl: included by catalogue.xsl.  An entry's public page
  and the annual report's counts (modules/catalogue/entry.c), for
  everyone.  Views (/page/@view; xslt/schema/catalogue-entry.rng has them
  exactly):

    entry         GET /catalogue/e/{id}
                  /page/entry (its columns; paragraphs/p when its text is
                  public), /page/bodies/body (the lead body first),
                  /page/path/category (the catalogue path), /page/links/
                  link (kind interprets, interpreted-by or related),
                  /page/attachments/attachment (disclosed actively only)
    entry-report  GET /catalogue/report?year=YYYY
                  /page/report/@year|@total, bodies/body, types/type,
                  categories/category (group, name, n)

  The feeds, the sitemap, the downloads and the CSV are not pages.  The
  entry page prints as the document's disclosure sheet: civic.css's print
  rules (the "catalogue entry" section) leave out navigation and links.
  Named templates here begin with "ce-".
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template name="ce-t">
    <xsl:param name="key"/>
    <xsl:param name="n"/>
    <xsl:param name="s"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="concat('catalogue.entry.', $key)"/>
      <xsl:with-param name="n" select="$n"/>
      <xsl:with-param name="s" select="$s"/>
    </xsl:call-template>
  </xsl:template>

  <!-- One line of the metadata table: a label key (catalogue.f.*) and the cell's content. -->
  <xsl:template name="ce-row">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <tr>
      <th scope="row">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="concat('catalogue.f.', $key)"/>
        </xsl:call-template>
      </th>
      <td>
        <xsl:choose>
          <xsl:when test="normalize-space($value) != ''">
            <xsl:copy-of select="$value"/>
          </xsl:when>
          <xsl:otherwise>—</xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

  <!-- A link to another entry's page: its title and index number. -->
  <xsl:template name="ce-entry-link">
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="index_no"/>
    <a href="{$cat-mount}e/{$id}">
      <xsl:value-of select="$title"/>
    </a>
    <xsl:text> </xsl:text>
    <span class="ce-index-no">
      <xsl:call-template name="ce-t">
        <xsl:with-param name="key" select="'index-no'"/>
        <xsl:with-param name="s" select="string($index_no)"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <!-- ================================================================
       entry
       ================================================================ -->

  <xsl:template match="page[@view = 'entry']" mode="title">
    <xsl:value-of select="entry/title"/>
  </xsl:template>

  <!-- The catalogue's feed, for a reader offered it by the browser. -->
  <xsl:template match="page[@view = 'entry']" mode="head">
    <link rel="alternate" type="application/atom+xml" href="{$cat-mount}feed.atom">
      <xsl:attribute name="title">
        <xsl:call-template name="ce-t">
          <xsl:with-param name="key" select="'feed'"/>
        </xsl:call-template>
      </xsl:attribute>
    </link>
  </xsl:template>

  <xsl:template match="page[@view = 'entry']" mode="content">
    <xsl:variable name="e" select="entry"/>
    <article class="ce-entry">
      <p class="ce-back">
        <a href="{$cat-mount}">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'catalogue.title'"/>
          </xsl:call-template>
        </a>
      </p>
      <h1><xsl:value-of select="$e/title"/></h1>
      <xsl:call-template name="ce-banners"/>

      <table class="ce-meta">
        <caption>
          <xsl:call-template name="ce-t">
            <xsl:with-param name="key" select="'meta'"/>
          </xsl:call-template>
        </caption>
        <tbody>
          <xsl:call-template name="ce-row">
            <xsl:with-param name="key" select="'index_no'"/>
            <xsl:with-param name="value" select="string($e/index_no)"/>
          </xsl:call-template>
          <xsl:call-template name="ce-row">
            <xsl:with-param name="key" select="'body'"/>
            <xsl:with-param name="value">
              <xsl:for-each select="bodies/body">
                <xsl:if test="position() > 1">、</xsl:if>
                <xsl:value-of select="name"/>
              </xsl:for-each>
              <xsl:if test="count(bodies/body) > 1">
                <xsl:text> </xsl:text>
                <span class="ce-joint">
                  <xsl:call-template name="ce-t">
                    <xsl:with-param name="key" select="'joint'"/>
                  </xsl:call-template>
                </span>
              </xsl:if>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="ce-row">
            <xsl:with-param name="key" select="'written_on'"/>
            <xsl:with-param name="value">
              <xsl:call-template name="cat-date">
                <xsl:with-param name="d" select="$e/written_on"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="ce-row">
            <xsl:with-param name="key" select="'published_at'"/>
            <xsl:with-param name="value">
              <xsl:call-template name="cat-date">
                <xsl:with-param name="d" select="$e/published"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="ce-row">
            <xsl:with-param name="key" select="'doc_no'"/>
            <xsl:with-param name="value" select="string($e/doc_no)"/>
          </xsl:call-template>
          <xsl:call-template name="ce-row">
            <xsl:with-param name="key" select="'category'"/>
            <xsl:with-param name="value">
              <xsl:for-each select="path/category">
                <xsl:if test="position() > 1"> &gt; </xsl:if>
                <xsl:value-of select="name"/>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="ce-row">
            <xsl:with-param name="key" select="'theme'"/>
            <xsl:with-param name="value">
              <xsl:if test="$e/theme_parent">
                <xsl:value-of select="$e/theme_parent"/>
                <xsl:text> &gt; </xsl:text>
              </xsl:if>
              <xsl:value-of select="$e/theme"/>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="ce-row">
            <xsl:with-param name="key" select="'genre'"/>
            <xsl:with-param name="value" select="string($e/genre)"/>
          </xsl:call-template>
          <xsl:call-template name="ce-row">
            <xsl:with-param name="key" select="'keywords'"/>
            <xsl:with-param name="value" select="string($e/keywords)"/>
          </xsl:call-template>
          <xsl:call-template name="ce-row">
            <xsl:with-param name="key" select="'validity'"/>
            <xsl:with-param name="value">
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="concat('catalogue.validity.', $e/validity)"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="ce-row">
            <xsl:with-param name="key" select="'disclosure'"/>
            <xsl:with-param name="value">
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="concat('catalogue.disclosure.', $e/disclosure)"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </tbody>
      </table>

      <xsl:if test="$e/summary">
        <section class="ce-summary">
          <h2>
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'catalogue.f.summary'"/>
            </xsl:call-template>
          </h2>
          <p><xsl:value-of select="$e/summary"/></p>
        </section>
      </xsl:if>

      <xsl:choose>
        <xsl:when test="$e/disclosure = 'active'">
          <xsl:if test="$e/paragraphs/p">
            <section class="ce-text">
              <h2>
                <xsl:call-template name="t">
                  <xsl:with-param name="key" select="'catalogue.f.content'"/>
                </xsl:call-template>
              </h2>
              <xsl:for-each select="$e/paragraphs/p">
                <p><xsl:value-of select="."/></p>
              </xsl:for-each>
            </section>
          </xsl:if>
          <xsl:call-template name="ce-attachments"/>
        </xsl:when>
        <xsl:otherwise>
          <section class="ce-request" aria-labelledby="ce-request-h">
            <h2 id="ce-request-h">
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="'catalogue.disclosure.request'"/>
              </xsl:call-template>
            </h2>
            <p>
              <xsl:call-template name="ce-t">
                <xsl:with-param name="key" select="'request.text'"/>
              </xsl:call-template>
            </p>
            <p>
              <a href="{$cat-mount}">
                <xsl:call-template name="ce-t">
                  <xsl:with-param name="key" select="'request.link'"/>
                </xsl:call-template>
              </a>
            </p>
          </section>
        </xsl:otherwise>
      </xsl:choose>

      <xsl:call-template name="ce-links"/>
    </article>
  </xsl:template>

  <!--
    Banners: withdrawn (when and why), repealed or amended (by which
    entry).  Each says its state in words, not by colour alone.
  -->
  <xsl:template name="ce-banners">
    <xsl:variable name="e" select="entry"/>
    <xsl:if test="$e/state = 'withdrawn'">
      <div class="ce-banner ce-banner-withdrawn" role="note">
        <p>
          <strong>
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'catalogue.state.withdrawn'"/>
            </xsl:call-template>
          </strong>
          <xsl:text> </xsl:text>
          <xsl:call-template name="ce-t">
            <xsl:with-param name="key" select="'withdrawn.at'"/>
            <xsl:with-param name="s" select="string($e/withdrawn_at)"/>
          </xsl:call-template>
        </p>
        <xsl:if test="$e/withdrawn_reason">
          <p>
            <xsl:call-template name="ce-t">
              <xsl:with-param name="key" select="'withdrawn.reason'"/>
            </xsl:call-template>
            <xsl:value-of select="$e/withdrawn_reason"/>
          </p>
        </xsl:if>
      </div>
    </xsl:if>
    <xsl:if test="$e/validity = 'repealed' or $e/validity = 'amended'">
      <div class="ce-banner ce-banner-{$e/validity}" role="note">
        <p>
          <strong>
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="concat('catalogue.validity.', $e/validity)"/>
            </xsl:call-template>
          </strong>
          <xsl:text> </xsl:text>
          <xsl:call-template name="ce-t">
            <xsl:with-param name="key" select="concat($e/validity, '.text')"/>
          </xsl:call-template>
          <xsl:if test="$e/replaced_by">
            <xsl:text> </xsl:text>
            <xsl:call-template name="ce-t">
              <xsl:with-param name="key" select="concat($e/validity, '.by')"/>
            </xsl:call-template>
            <xsl:call-template name="ce-entry-link">
              <xsl:with-param name="id" select="$e/replaced_by"/>
              <xsl:with-param name="title" select="$e/replaced_title"/>
              <xsl:with-param name="index_no" select="$e/replaced_index_no"/>
            </xsl:call-template>
          </xsl:if>
        </p>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="ce-attachments">
    <xsl:if test="attachments/attachment">
      <section class="ce-attachments">
        <h2>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'catalogue.f.attachments'"/>
          </xsl:call-template>
        </h2>
        <ul class="ce-files">
          <xsl:for-each select="attachments/attachment">
            <li class="attachment">
              <a href="{$cat-mount}e/{/page/entry/id}/a/{id}" download="{name}">
                <xsl:value-of select="title"/>
              </a>
              <xsl:text> </xsl:text>
              <span class="ce-file-meta">
                <xsl:if test="name != title">
                  <xsl:value-of select="name"/>
                  <xsl:text> · </xsl:text>
                </xsl:if>
                <xsl:call-template name="human-size">
                  <xsl:with-param name="bytes" select="size"/>
                </xsl:call-template>
                <xsl:text> · </xsl:text>
                <xsl:value-of select="type"/>
              </span>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Related entries: the policy read, its interpretations, other links. -->
  <xsl:template name="ce-links">
    <xsl:for-each select="links/link[not(kind = preceding-sibling::link/kind)]">
      <xsl:variable name="kind" select="kind"/>
      <section class="ce-links ce-links-{$kind}">
        <h2>
          <xsl:call-template name="ce-t">
            <xsl:with-param name="key" select="concat('links.', $kind)"/>
          </xsl:call-template>
        </h2>
        <ul>
          <xsl:for-each select="../link[kind = $kind]">
            <li>
              <xsl:call-template name="ce-entry-link">
                <xsl:with-param name="id" select="id"/>
                <xsl:with-param name="title" select="title"/>
                <xsl:with-param name="index_no" select="index_no"/>
              </xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- ================================================================
       entry-report
       ================================================================ -->

  <xsl:template match="page[@view = 'entry-report']" mode="title">
    <xsl:call-template name="ce-t">
      <xsl:with-param name="key" select="'report.title'"/>
      <xsl:with-param name="n" select="string(report/@year)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A table of counts: a line each, the total last. -->
  <xsl:template name="ce-count-table">
    <xsl:param name="rows"/>
    <xsl:param name="caption"/>
    <xsl:param name="total"/>
    <xsl:param name="kind"/>
    <table class="ce-report-table">
      <caption>
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="$caption"/>
        </xsl:call-template>
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <xsl:call-template name="ce-t">
              <xsl:with-param name="key" select="'report.name'"/>
            </xsl:call-template>
          </th>
          <th scope="col" class="ce-num">
            <xsl:call-template name="ce-t">
              <xsl:with-param name="key" select="'report.n'"/>
            </xsl:call-template>
          </th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="$rows">
          <tr>
            <th scope="row">
              <xsl:choose>
                <xsl:when test="$kind = 'type'">
                  <xsl:call-template name="t">
                    <xsl:with-param name="key" select="concat('catalogue.disclosure.', disclosure)"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="name"/></xsl:otherwise>
              </xsl:choose>
            </th>
            <td class="ce-num"><xsl:value-of select="n"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">
            <xsl:call-template name="ce-t">
              <xsl:with-param name="key" select="'report.total'"/>
            </xsl:call-template>
          </th>
          <td class="ce-num"><xsl:value-of select="$total"/></td>
        </tr>
      </tfoot>
    </table>
  </xsl:template>

  <xsl:template match="page[@view = 'entry-report']" mode="content">
    <xsl:variable name="y" select="string(report/@year)"/>
    <h1>
      <xsl:call-template name="ce-t">
        <xsl:with-param name="key" select="'report.title'"/>
        <xsl:with-param name="n" select="$y"/>
      </xsl:call-template>
    </h1>
    <p class="ce-report-intro">
      <xsl:call-template name="ce-t">
        <xsl:with-param name="key" select="'report.intro'"/>
        <xsl:with-param name="n" select="$y"/>
      </xsl:call-template>
    </p>
    <form class="form filter-form ce-report-year" method="get" action="{$cat-mount}report"
        accept-charset="UTF-8" novalidate="novalidate">
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'year'"/>
        <xsl:with-param name="label" select="'catalogue.entry.report.year'"/>
        <xsl:with-param name="type" select="'number'"/>
        <xsl:with-param name="maxlength" select="'4'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'catalogue.entry.report.show'"/>
      </xsl:call-template>
    </form>
    <p class="ce-total">
      <xsl:call-template name="ce-t">
        <xsl:with-param name="key" select="'report.all'"/>
        <xsl:with-param name="n" select="string(report/@total)"/>
      </xsl:call-template>
    </p>
    <xsl:call-template name="ce-count-table">
      <xsl:with-param name="rows" select="report/bodies/body"/>
      <xsl:with-param name="caption" select="'catalogue.f.body'"/>
      <xsl:with-param name="total" select="sum(report/bodies/body/n)"/>
    </xsl:call-template>
    <xsl:call-template name="ce-count-table">
      <xsl:with-param name="rows" select="report/types/type"/>
      <xsl:with-param name="caption" select="'catalogue.f.disclosure'"/>
      <xsl:with-param name="total" select="sum(report/types/type/n)"/>
      <xsl:with-param name="kind" select="'type'"/>
    </xsl:call-template>
    <xsl:call-template name="ce-count-table">
      <xsl:with-param name="rows" select="report/categories/category"/>
      <xsl:with-param name="caption" select="'catalogue.f.category'"/>
      <xsl:with-param name="total" select="sum(report/categories/category/n)"/>
    </xsl:call-template>
    <p class="ce-csv">
      <a href="{$cat-mount}report.csv?year={$y}">
        <xsl:call-template name="ce-t">
          <xsl:with-param name="key" select="'report.csv'"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

</xsl:stylesheet>
