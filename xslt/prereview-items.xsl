<?xml version="1.0" encoding="UTF-8"?>
<!--
  prereview-items.xsl: included by prereview.xsl.  The staff's editing of
  service items and their versions (modules/prereview/items.c).  Words in
  i18n/prereview-items.xml.  Views (/page/@view):

    item-list      GET /staff/items
                     /page/items/item (id, code, name, kind, department,
                     version, active, online, updated_at), /page/pager
    item-edit      GET /staff/items/new, /staff/item/{id}[?done=saved], the
                   refused POSTs (422)
                     /page/owners/department (the departments the item may
                     belong to), /page/departments/department (reviewers),
                     /page/themes/theme, /page/parents/parent; editing,
                     /page/item (id, code, name, version, department) and
                     /page/blank-forms/blank (seq, file); the values in
                     /page/values
    item-versions  GET /staff/item/{id}/versions
                     /page/item, /page/versions/version (version, staff,
                     staff_no, changed_at, summary)
    item-version   GET /staff/item/{id}/version/{v}
                     /page/item, /page/item-version, /page/snapshot/item

  The form's numbered fields (d1_department, f1_label, m1_name …) are one
  fieldset a reviewer, extra field and material, its legend saying which.
  Named templates here begin with "pri-".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="exsl">

  <!-- The choice lists of the form, as the "field" template takes them. -->
  <xsl:variable name="pri-owners-rtf">
    <xsl:for-each select="/page/owners/department">
      <o value="{id}"><xsl:value-of select="name"/></o>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="pri-depts-rtf">
    <xsl:for-each select="/page/departments/department">
      <o value="{id}"><xsl:value-of select="name"/></o>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="pri-themes-rtf">
    <xsl:for-each select="/page/themes/theme">
      <o value="{id}"><xsl:value-of select="name"/></o>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="pri-parents-rtf">
    <xsl:for-each select="/page/parents/parent">
      <o value="{id}"><xsl:value-of select="concat(code, ' ', name)"/></o>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="pri-words-rtf">
    <o value="person" k="prereview.items.audience.person"/>
    <o value="enterprise" k="prereview.items.audience.enterprise"/>
    <o value="both" k="prereview.items.audience.both"/>
    <o value="1" k="prereview.items.yes"/>
    <o value="0" k="prereview.items.no"/>
    <o value="text" k="prereview.items.kind.text"/>
    <o value="multiline" k="prereview.items.kind.multiline"/>
    <o value="number" k="prereview.items.kind.number"/>
    <o value="date" k="prereview.items.kind.date"/>
    <o value="choice" k="prereview.items.kind.choice"/>
    <o value="original" k="prereview.items.form.original"/>
    <o value="copy" k="prereview.items.form.copy"/>
    <o value="both" k="prereview.items.form.both"/>
    <o value="required" k="prereview.items.need.required"/>
    <o value="conditional" k="prereview.items.need.conditional"/>
    <o value="optional" k="prereview.items.need.optional"/>
  </xsl:variable>

  <xsl:template name="pri-t">
    <xsl:param name="key"/>
    <xsl:param name="n"/>
    <xsl:param name="s"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="$key"/>
      <xsl:with-param name="n" select="$n"/>
      <xsl:with-param name="s" select="$s"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Options with translated words: keys is a space-separated list of message keys. -->
  <xsl:template name="pri-options">
    <xsl:param name="keys"/>
    <xsl:for-each select="exsl:node-set($pri-words-rtf)/o[contains(concat(' ', $keys, ' '), concat(' ', @k, ' '))]">
      <o value="{@value}">
        <xsl:call-template name="pri-t">
          <xsl:with-param name="key" select="@k"/>
        </xsl:call-template>
      </o>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="pri-back">
    <xsl:param name="href"/>
    <xsl:param name="key"/>
    <p class="back">
      <a href="{$href}">
        <xsl:call-template name="pri-t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <xsl:template name="pri-heading">
    <xsl:param name="key"/>
    <h1>
      <xsl:call-template name="pri-t">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
      <xsl:if test="/page/item/code">
        <xsl:text> </xsl:text>
        <xsl:value-of select="/page/item/code"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="/page/item/name"/>
      </xsl:if>
    </h1>
  </xsl:template>

  <!-- ===== item-list ===== -->

  <xsl:template match="page[@view = 'item-list']" mode="title">
    <xsl:call-template name="pri-t">
      <xsl:with-param name="key" select="'prereview.items.list.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'item-list']" mode="content">
    <xsl:call-template name="pri-heading">
      <xsl:with-param name="key" select="'prereview.items.list.title'"/>
    </xsl:call-template>
    <xsl:call-template name="pr-staff-menu"/>
    <p>
      <a class="button" href="{$pr-mount}staff/items/new">
        <xsl:call-template name="pri-t">
          <xsl:with-param name="key" select="'prereview.items.new'"/>
        </xsl:call-template>
      </a>
    </p>
    <xsl:choose>
      <xsl:when test="items/item">
        <div class="table-wrap" role="region" tabindex="0">
          <xsl:attribute name="aria-label">
            <xsl:call-template name="pri-t">
              <xsl:with-param name="key" select="'prereview.items.list.title'"/>
            </xsl:call-template>
          </xsl:attribute>
          <table class="data-table">
            <caption>
              <xsl:call-template name="pri-t">
                <xsl:with-param name="key" select="'prereview.items.list.title'"/>
              </xsl:call-template>
            </caption>
            <thead>
              <tr>
                <xsl:for-each select="exsl:node-set($pri-cols-rtf)/c">
                  <th scope="col">
                    <xsl:call-template name="pri-t">
                      <xsl:with-param name="key" select="concat('prereview.items.col.', .)"/>
                    </xsl:call-template>
                  </th>
                </xsl:for-each>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="items/item">
                <tr>
                  <td><xsl:value-of select="code"/></td>
                  <td>
                    <a href="{$pr-mount}staff/item/{id}">
                      <xsl:value-of select="name"/>
                    </a>
                  </td>
                  <td><xsl:value-of select="department"/></td>
                  <td>
                    <a href="{$pr-mount}staff/item/{id}/versions">
                      <xsl:value-of select="version"/>
                    </a>
                  </td>
                  <td>
                    <xsl:call-template name="pri-t">
                      <xsl:with-param name="key" select="concat('prereview.items.active.', active)"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="pr-time">
                      <xsl:with-param name="t" select="updated_at"/>
                    </xsl:call-template>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:call-template name="pager"/>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty">
          <xsl:call-template name="pri-t">
            <xsl:with-param name="key" select="'prereview.items.none'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:variable name="pri-cols-rtf">
    <c>code</c><c>name</c><c>department</c><c>version</c><c>active</c><c>updated_at</c>
  </xsl:variable>

  <!-- ===== item-edit ===== -->

  <xsl:template match="page[@view = 'item-edit']" mode="title">
    <xsl:call-template name="pri-t">
      <xsl:with-param name="key">
        <xsl:choose>
          <xsl:when test="item">prereview.items.edit.title</xsl:when>
          <xsl:otherwise>prereview.items.new.title</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'item-edit']" mode="content">
    <xsl:variable name="action">
      <xsl:choose>
        <xsl:when test="item">
          <xsl:value-of select="concat($pr-mount, 'staff/item/', item/id)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat($pr-mount, 'staff/items/new')"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="pri-heading">
      <xsl:with-param name="key">
        <xsl:choose>
          <xsl:when test="item">prereview.items.edit.title</xsl:when>
          <xsl:otherwise>prereview.items.new.title</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="pr-staff-menu"/>
    <xsl:if test="item">
      <p class="meta">
        <xsl:call-template name="pri-t">
          <xsl:with-param name="key" select="'prereview.items.edit.version'"/>
          <xsl:with-param name="n" select="string(item/version)"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <a href="{$pr-mount}staff/item/{item/id}/versions">
          <xsl:call-template name="pri-t">
            <xsl:with-param name="key" select="'prereview.items.versions.title'"/>
          </xsl:call-template>
        </a>
      </p>
    </xsl:if>
    <xsl:call-template name="error-summary"/>
    <form class="form" method="post" action="{$action}" accept-charset="UTF-8"
        enctype="multipart/form-data" novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <xsl:if test="item">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'version'"/>
          <xsl:with-param name="type" select="'hidden'"/>
        </xsl:call-template>
      </xsl:if>
      <fieldset>
        <legend>
          <xsl:call-template name="pri-t">
            <xsl:with-param name="key" select="'prereview.items.part.item'"/>
          </xsl:call-template>
        </legend>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'code'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="maxlength" select="'20'"/>
          <xsl:with-param name="hint" select="'prereview.items.h.code'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="maxlength" select="'100'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'kind'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="maxlength" select="'20'"/>
          <xsl:with-param name="hint" select="'prereview.items.h.kind'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-select">
          <xsl:with-param name="name" select="'parent'"/>
          <xsl:with-param name="options" select="exsl:node-set($pri-parents-rtf)/o"/>
          <xsl:with-param name="empty" select="'prereview.items.parent.none'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-select">
          <xsl:with-param name="name" select="'department'"/>
          <xsl:with-param name="options" select="exsl:node-set($pri-owners-rtf)/o"/>
          <xsl:with-param name="required" select="'yes'"/>
        </xsl:call-template>
        <xsl:variable name="aud">
          <xsl:call-template name="pri-options">
            <xsl:with-param name="keys" select="'prereview.items.audience.person prereview.items.audience.enterprise prereview.items.audience.both'"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="pri-select">
          <xsl:with-param name="name" select="'audience'"/>
          <xsl:with-param name="options" select="exsl:node-set($aud)/o"/>
          <xsl:with-param name="required" select="'yes'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-select">
          <xsl:with-param name="name" select="'theme'"/>
          <xsl:with-param name="options" select="exsl:node-set($pri-themes-rtf)/o"/>
        </xsl:call-template>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'legal_basis'"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="maxlength" select="'5000'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'conditions'"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="maxlength" select="'5000'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'process'"/>
          <xsl:with-param name="type" select="'textarea'"/>
          <xsl:with-param name="maxlength" select="'5000'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'legal_days'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'promised_days'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
          <xsl:with-param name="hint" select="'prereview.items.h.promised_days'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'fees'"/>
          <xsl:with-param name="maxlength" select="'500'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'place'"/>
          <xsl:with-param name="maxlength" select="'200'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'hours'"/>
          <xsl:with-param name="maxlength" select="'200'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'phone'"/>
          <xsl:with-param name="type" select="'tel'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'visits'"/>
          <xsl:with-param name="required" select="'yes'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
        </xsl:call-template>
        <xsl:variable name="yn">
          <xsl:call-template name="pri-options">
            <xsl:with-param name="keys" select="'prereview.items.yes prereview.items.no'"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="pri-select">
          <xsl:with-param name="name" select="'online'"/>
          <xsl:with-param name="options" select="exsl:node-set($yn)/o"/>
        </xsl:call-template>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'pickup_window'"/>
          <xsl:with-param name="maxlength" select="'100'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-text">
          <xsl:with-param name="name" select="'licence'"/>
          <xsl:with-param name="maxlength" select="'60'"/>
        </xsl:call-template>
        <xsl:call-template name="pri-select">
          <xsl:with-param name="name" select="'active'"/>
          <xsl:with-param name="options" select="exsl:node-set($yn)/o"/>
        </xsl:call-template>
      </fieldset>
      <fieldset>
        <legend>
          <xsl:call-template name="pri-t">
            <xsl:with-param name="key" select="'prereview.items.part.reviewers'"/>
          </xsl:call-template>
        </legend>
        <p class="hint">
          <xsl:call-template name="pri-t">
            <xsl:with-param name="key" select="'prereview.items.h.reviewers'"/>
          </xsl:call-template>
        </p>
        <xsl:call-template name="pri-reviewers">
          <xsl:with-param name="n" select="1"/>
        </xsl:call-template>
      </fieldset>
      <fieldset>
        <legend>
          <xsl:call-template name="pri-t">
            <xsl:with-param name="key" select="'prereview.items.part.fields'"/>
          </xsl:call-template>
        </legend>
        <xsl:call-template name="pri-fields">
          <xsl:with-param name="n" select="1"/>
        </xsl:call-template>
      </fieldset>
      <fieldset>
        <legend>
          <xsl:call-template name="pri-t">
            <xsl:with-param name="key" select="'prereview.items.part.materials'"/>
          </xsl:call-template>
        </legend>
        <xsl:call-template name="pri-materials">
          <xsl:with-param name="n" select="1"/>
        </xsl:call-template>
      </fieldset>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'prereview.items.save'"/>
      </xsl:call-template>
    </form>
    <xsl:call-template name="pri-back">
      <xsl:with-param name="href" select="concat($pr-mount, 'staff/items')"/>
      <xsl:with-param name="key" select="'prereview.items.back'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A text control whose label key is prereview.items.f. + the field's name without its number. -->
  <xsl:template name="pri-text">
    <xsl:param name="name"/>
    <xsl:param name="label" select="$name"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="required" select="'no'"/>
    <xsl:param name="maxlength"/>
    <xsl:param name="hint"/>
    <xsl:param name="inputmode"/>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="label" select="concat('prereview.items.f.', $label)"/>
      <xsl:with-param name="type" select="$type"/>
      <xsl:with-param name="required" select="$required"/>
      <xsl:with-param name="maxlength" select="$maxlength"/>
      <xsl:with-param name="hint" select="$hint"/>
      <xsl:with-param name="inputmode" select="$inputmode"/>
      <xsl:with-param name="rows" select="'4'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="pri-select">
    <xsl:param name="name"/>
    <xsl:param name="label" select="$name"/>
    <xsl:param name="options"/>
    <xsl:param name="required" select="'no'"/>
    <xsl:param name="empty" select="'form.choose'"/>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="label" select="concat('prereview.items.f.', $label)"/>
      <xsl:with-param name="type" select="'select'"/>
      <xsl:with-param name="required" select="$required"/>
      <xsl:with-param name="options" select="$options"/>
      <xsl:with-param name="empty-label" select="$empty"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="pri-group-legend">
    <xsl:param name="key"/>
    <xsl:param name="n"/>
    <legend>
      <xsl:call-template name="pri-t">
        <xsl:with-param name="key" select="$key"/>
        <xsl:with-param name="n" select="string($n)"/>
      </xsl:call-template>
    </legend>
  </xsl:template>

  <xsl:template name="pri-reviewers">
    <xsl:param name="n"/>
    <fieldset class="pri-group">
      <xsl:call-template name="pri-group-legend">
        <xsl:with-param name="key" select="'prereview.items.reviewer.n'"/>
        <xsl:with-param name="n" select="$n"/>
      </xsl:call-template>
      <xsl:call-template name="pri-select">
        <xsl:with-param name="name" select="concat('d', $n, '_department')"/>
        <xsl:with-param name="label" select="'d_department'"/>
        <xsl:with-param name="options" select="exsl:node-set($pri-depts-rtf)/o"/>
      </xsl:call-template>
      <xsl:call-template name="pri-text">
        <xsl:with-param name="name" select="concat('d', $n, '_days')"/>
        <xsl:with-param name="label" select="'d_days'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
    </fieldset>
    <xsl:if test="$n &lt; 4">
      <xsl:call-template name="pri-reviewers">
        <xsl:with-param name="n" select="$n + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="pri-fields">
    <xsl:param name="n"/>
    <xsl:variable name="p" select="concat('f', $n, '_')"/>
    <fieldset class="pri-group">
      <xsl:call-template name="pri-group-legend">
        <xsl:with-param name="key" select="'prereview.items.field.n'"/>
        <xsl:with-param name="n" select="$n"/>
      </xsl:call-template>
      <xsl:call-template name="pri-text">
        <xsl:with-param name="name" select="concat($p, 'label')"/>
        <xsl:with-param name="label" select="'f_label'"/>
        <xsl:with-param name="maxlength" select="'50'"/>
      </xsl:call-template>
      <xsl:variable name="kinds">
        <xsl:call-template name="pri-options">
          <xsl:with-param name="keys" select="'prereview.items.kind.text prereview.items.kind.multiline prereview.items.kind.number prereview.items.kind.date prereview.items.kind.choice'"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="pri-select">
        <xsl:with-param name="name" select="concat($p, 'kind')"/>
        <xsl:with-param name="label" select="'f_kind'"/>
        <xsl:with-param name="options" select="exsl:node-set($kinds)/o"/>
      </xsl:call-template>
      <xsl:call-template name="pri-text">
        <xsl:with-param name="name" select="concat($p, 'choices')"/>
        <xsl:with-param name="label" select="'f_choices'"/>
        <xsl:with-param name="maxlength" select="'500'"/>
        <xsl:with-param name="hint" select="'prereview.items.h.choices'"/>
      </xsl:call-template>
      <xsl:variable name="yn">
        <xsl:call-template name="pri-options">
          <xsl:with-param name="keys" select="'prereview.items.yes prereview.items.no'"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="pri-select">
        <xsl:with-param name="name" select="concat($p, 'required')"/>
        <xsl:with-param name="label" select="'f_required'"/>
        <xsl:with-param name="options" select="exsl:node-set($yn)/o"/>
      </xsl:call-template>
      <xsl:call-template name="pri-text">
        <xsl:with-param name="name" select="concat($p, 'max_len')"/>
        <xsl:with-param name="label" select="'f_max_len'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
    </fieldset>
    <xsl:if test="$n &lt; 8">
      <xsl:call-template name="pri-fields">
        <xsl:with-param name="n" select="$n + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="pri-materials">
    <xsl:param name="n"/>
    <xsl:variable name="p" select="concat('m', $n, '_')"/>
    <fieldset class="pri-group">
      <xsl:call-template name="pri-group-legend">
        <xsl:with-param name="key" select="'prereview.items.material.n'"/>
        <xsl:with-param name="n" select="$n"/>
      </xsl:call-template>
      <xsl:call-template name="pri-text">
        <xsl:with-param name="name" select="concat($p, 'name')"/>
        <xsl:with-param name="label" select="'m_name'"/>
        <xsl:with-param name="maxlength" select="'100'"/>
      </xsl:call-template>
      <xsl:variable name="forms">
        <xsl:call-template name="pri-options">
          <xsl:with-param name="keys" select="'prereview.items.form.original prereview.items.form.copy prereview.items.form.both'"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="pri-select">
        <xsl:with-param name="name" select="concat($p, 'form')"/>
        <xsl:with-param name="label" select="'m_form'"/>
        <xsl:with-param name="options" select="exsl:node-set($forms)/o"/>
      </xsl:call-template>
      <xsl:call-template name="pri-text">
        <xsl:with-param name="name" select="concat($p, 'copies')"/>
        <xsl:with-param name="label" select="'m_copies'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
      <xsl:variable name="needs">
        <xsl:call-template name="pri-options">
          <xsl:with-param name="keys" select="'prereview.items.need.required prereview.items.need.conditional prereview.items.need.optional'"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:call-template name="pri-select">
        <xsl:with-param name="name" select="concat($p, 'need')"/>
        <xsl:with-param name="label" select="'m_need'"/>
        <xsl:with-param name="options" select="exsl:node-set($needs)/o"/>
      </xsl:call-template>
      <xsl:call-template name="pri-text">
        <xsl:with-param name="name" select="concat($p, 'cond')"/>
        <xsl:with-param name="label" select="'m_cond'"/>
        <xsl:with-param name="maxlength" select="'200'"/>
      </xsl:call-template>
      <xsl:call-template name="pri-text">
        <xsl:with-param name="name" select="concat($p, 'cond_field')"/>
        <xsl:with-param name="label" select="'m_cond_field'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="hint" select="'prereview.items.h.cond_field'"/>
      </xsl:call-template>
      <xsl:call-template name="pri-text">
        <xsl:with-param name="name" select="concat($p, 'cond_value')"/>
        <xsl:with-param name="label" select="'m_cond_value'"/>
        <xsl:with-param name="maxlength" select="'50'"/>
      </xsl:call-template>
      <xsl:call-template name="pri-text">
        <xsl:with-param name="name" select="concat($p, 'note')"/>
        <xsl:with-param name="label" select="'m_note'"/>
        <xsl:with-param name="maxlength" select="'500'"/>
      </xsl:call-template>
      <xsl:if test="/page/blank-forms/blank[seq = $n]">
        <p class="meta">
          <xsl:call-template name="pri-t">
            <xsl:with-param name="key" select="'prereview.items.blank.kept'"/>
          </xsl:call-template>
        </p>
      </xsl:if>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="concat($p, 'file')"/>
        <xsl:with-param name="label" select="'prereview.items.f.m_file'"/>
        <xsl:with-param name="type" select="'file'"/>
        <xsl:with-param name="accept" select="'.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'"/>
      </xsl:call-template>
    </fieldset>
    <xsl:if test="$n &lt; 10">
      <xsl:call-template name="pri-materials">
        <xsl:with-param name="n" select="$n + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ===== item-versions ===== -->

  <xsl:template match="page[@view = 'item-versions']" mode="title">
    <xsl:call-template name="pri-t">
      <xsl:with-param name="key" select="'prereview.items.versions.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="pri-who">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="$v/staff">
        <xsl:value-of select="concat($v/staff, ' (', $v/staff_no, ')')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pri-t">
          <xsl:with-param name="key" select="'prereview.items.by.import'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@view = 'item-versions']" mode="content">
    <xsl:call-template name="pri-heading">
      <xsl:with-param name="key" select="'prereview.items.versions.title'"/>
    </xsl:call-template>
    <xsl:call-template name="pr-staff-menu"/>
    <div class="table-wrap" role="region" tabindex="0">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="pri-t">
          <xsl:with-param name="key" select="'prereview.items.versions.title'"/>
        </xsl:call-template>
      </xsl:attribute>
      <table class="data-table">
        <caption>
          <xsl:call-template name="pri-t">
            <xsl:with-param name="key" select="'prereview.items.versions.title'"/>
          </xsl:call-template>
        </caption>
        <thead>
          <tr>
            <xsl:for-each select="exsl:node-set($pri-vcols-rtf)/c">
              <th scope="col">
                <xsl:call-template name="pri-t">
                  <xsl:with-param name="key" select="concat('prereview.items.col.', .)"/>
                </xsl:call-template>
              </th>
            </xsl:for-each>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="versions/version">
            <tr>
              <td>
                <a href="{$pr-mount}staff/item/{/page/item/id}/version/{version}">
                  <xsl:value-of select="version"/>
                </a>
              </td>
              <td>
                <xsl:call-template name="pri-who">
                  <xsl:with-param name="v" select="."/>
                </xsl:call-template>
              </td>
              <td>
                <xsl:call-template name="pr-time">
                  <xsl:with-param name="t" select="changed_at"/>
                </xsl:call-template>
              </td>
              <td><xsl:value-of select="summary"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <xsl:call-template name="pager"/>
    <xsl:call-template name="pri-back">
      <xsl:with-param name="href" select="concat($pr-mount, 'staff/item/', item/id)"/>
      <xsl:with-param name="key" select="'prereview.items.back.item'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:variable name="pri-vcols-rtf">
    <c>version</c><c>staff</c><c>changed_at</c><c>summary</c>
  </xsl:variable>

  <!-- ===== item-version ===== -->

  <xsl:template match="page[@view = 'item-version']" mode="title">
    <xsl:call-template name="pri-t">
      <xsl:with-param name="key" select="'prereview.items.version.title'"/>
      <xsl:with-param name="n" select="string(item-version/version)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'item-version']" mode="content">
    <xsl:variable name="v" select="item-version"/>
    <xsl:variable name="s" select="snapshot/item"/>
    <h1>
      <xsl:call-template name="pri-t">
        <xsl:with-param name="key" select="'prereview.items.version.title'"/>
        <xsl:with-param name="n" select="string($v/version)"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:value-of select="concat($s/code, ' ', $s/name)"/>
    </h1>
    <xsl:call-template name="pr-staff-menu"/>
    <p class="meta">
      <xsl:call-template name="pri-who">
        <xsl:with-param name="v" select="$v"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:call-template name="pr-time">
        <xsl:with-param name="t" select="$v/changed_at"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:value-of select="$v/summary"/>
    </p>
    <dl class="pri-snapshot">
      <xsl:for-each select="$s/*[not(*)]">
        <dt>
          <xsl:call-template name="pri-t">
            <xsl:with-param name="key" select="concat('prereview.items.f.', local-name())"/>
          </xsl:call-template>
        </dt>
        <dd><xsl:value-of select="."/></dd>
      </xsl:for-each>
    </dl>
    <xsl:for-each select="$s/departments | $s/fields | $s/materials">
      <xsl:if test="*">
        <h2>
          <xsl:call-template name="pri-t">
            <xsl:with-param name="key" select="concat('prereview.items.part.', local-name())"/>
          </xsl:call-template>
        </h2>
        <ol>
          <xsl:for-each select="*">
            <li>
              <xsl:for-each select="*">
                <xsl:if test="position() &gt; 1">
                  <xsl:text>; </xsl:text>
                </xsl:if>
                <xsl:value-of select="."/>
              </xsl:for-each>
            </li>
          </xsl:for-each>
        </ol>
      </xsl:if>
    </xsl:for-each>
    <xsl:call-template name="pri-back">
      <xsl:with-param name="href" select="concat($pr-mount, 'staff/item/', item/id, '/versions')"/>
      <xsl:with-param name="key" select="'prereview.items.back.versions'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
