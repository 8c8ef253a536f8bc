<?xml version="1.0" encoding="UTF-8"?>
<!--
  catalogue-admin.xsl: included by catalogue.xsl.  The office keeps the
  catalogue tree, the theme tree and the issuing bodies
  (modules/catalogue/admin.c).  Words in i18n/catalogue-admin.xml.
  Views (/page/@view), described in doc/xml.md:

    cad-categories  GET /staff/categories: /page/categories/category (the
                    whole tree, flat, with parent_id), /page/max-depth;
                    the form adding a node
    cad-category    GET /staff/category/{id}: /page/category (with stamp),
                    /page/parents/category (where it may move); the forms
                    saving, moving, deleting it
    cad-themes      GET /staff/themes: /page/themes/theme; the form adding
    cad-theme       GET /staff/theme/{id}: /page/theme; save, delete
    cad-bodies      GET /staff/bodies: /page/bodies/body,
                    /page/departments/department; the form adding a body
    cad-body        GET /staff/body/{id}: /page/body; its form

  A node's page has several forms: each names what it does in a hidden
  "do" and carries the row's stamp (the page's, fresh even on a refused
  page), so that a change made on an old view is refused.
  Named templates here begin with "cad-".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="exsl">

  <xsl:template name="cad-t">
    <xsl:param name="key"/>
    <xsl:param name="n"/>
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="$key"/>
      <xsl:with-param name="n" select="$n"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The heading, the staff menu, the refused form's summary. -->
  <xsl:template name="cad-top">
    <xsl:param name="key"/>
    <xsl:param name="what"/>
    <h1>
      <xsl:call-template name="cad-t">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
      <xsl:if test="$what != ''">
        <xsl:text> </xsl:text>
        <xsl:value-of select="$what"/>
      </xsl:if>
    </h1>
    <xsl:call-template name="cat-staff-menu"/>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'catalogue.admin.f.'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="cad-form-start">
    <xsl:param name="do"/>
    <xsl:param name="stamp"/>
    <xsl:call-template name="form-hidden"/>
    <input type="hidden" name="do" value="{$do}"/>
    <input type="hidden" name="stamp" value="{$stamp}"/>
  </xsl:template>

  <xsl:template name="cad-text">
    <xsl:param name="name"/>
    <xsl:param name="required" select="'no'"/>
    <xsl:param name="maxlength"/>
    <xsl:param name="hint"/>
    <xsl:param name="inputmode"/>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="label" select="concat('catalogue.admin.f.', $name)"/>
      <xsl:with-param name="required" select="$required"/>
      <xsl:with-param name="maxlength" select="$maxlength"/>
      <xsl:with-param name="hint" select="$hint"/>
      <xsl:with-param name="inputmode" select="$inputmode"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="cad-sort">
    <xsl:call-template name="cad-text">
      <xsl:with-param name="name" select="'sort'"/>
      <xsl:with-param name="inputmode" select="'numeric'"/>
      <xsl:with-param name="hint" select="'catalogue.admin.h.sort'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="cad-active">
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="'active'"/>
      <xsl:with-param name="label" select="'catalogue.admin.f.active'"/>
      <xsl:with-param name="type" select="'checkbox'"/>
      <xsl:with-param name="hint" select="'catalogue.admin.h.active'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="cad-back">
    <xsl:param name="path"/>
    <xsl:param name="key"/>
    <p class="cad-back">
      <a href="{$cat-mount}{$path}">
        <xsl:call-template name="cad-t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- A node's facts: its entries (all states) and whether it is in use. -->
  <xsl:template name="cad-facts">
    <xsl:param name="node"/>
    <span class="cad-count">
      <xsl:call-template name="cad-t">
        <xsl:with-param name="key" select="'catalogue.admin.entries.n'"/>
        <xsl:with-param name="n" select="string($node/entries)"/>
      </xsl:call-template>
    </span>
    <xsl:if test="$node/active = '0'">
      <xsl:text> </xsl:text>
      <span class="cad-inactive">
        <xsl:call-template name="cad-t">
          <xsl:with-param name="key" select="'catalogue.admin.inactive'"/>
        </xsl:call-template>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- ============================================ the catalogue tree -->

  <!-- The children of parent ('' for the top), by sort then code, each with its subtree. -->
  <xsl:template name="cad-tree">
    <xsl:param name="parent"/>
    <xsl:variable name="kids" select="/page/categories/category[string(parent_id) = $parent]"/>
    <xsl:if test="$kids">
      <ul class="cad-tree">
        <xsl:for-each select="$kids">
          <xsl:sort select="sort" data-type="number"/>
          <xsl:sort select="code"/>
          <li id="c{id}">
            <a href="{$cat-mount}staff/category/{id}">
              <span class="cad-code"><xsl:value-of select="code"/></span>
              <xsl:text> </xsl:text>
              <xsl:value-of select="name"/>
            </a>
            <xsl:text> </xsl:text>
            <xsl:call-template name="cad-facts">
              <xsl:with-param name="node" select="."/>
            </xsl:call-template>
            <xsl:call-template name="cad-tree">
              <xsl:with-param name="parent" select="string(id)"/>
            </xsl:call-template>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <xsl:template match="page[@view = 'cad-categories']" mode="title">
    <xsl:call-template name="cad-t">
      <xsl:with-param name="key" select="'catalogue.admin.categories.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'cad-categories']" mode="content">
    <xsl:call-template name="cad-top">
      <xsl:with-param name="key" select="'catalogue.admin.categories.title'"/>
    </xsl:call-template>
    <p class="hint">
      <xsl:call-template name="cad-t">
        <xsl:with-param name="key" select="'catalogue.admin.categories.intro'"/>
      </xsl:call-template>
    </p>
    <xsl:choose>
      <xsl:when test="categories/category">
        <xsl:call-template name="cad-tree">
          <xsl:with-param name="parent" select="''"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty">
          <xsl:call-template name="cad-t">
            <xsl:with-param name="key" select="'catalogue.admin.none'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:variable name="parents">
      <xsl:for-each select="categories/category[depth &lt; /page/max-depth]">
        <o value="{id}"><xsl:value-of select="concat(code, ' ', name)"/></o>
      </xsl:for-each>
    </xsl:variable>
    <h2 id="cad-add">
      <xsl:call-template name="cad-t">
        <xsl:with-param name="key" select="'catalogue.admin.add'"/>
      </xsl:call-template>
    </h2>
    <form class="form cad-form" method="post" action="{$cat-mount}staff/categories"
        accept-charset="UTF-8" novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'parent'"/>
        <xsl:with-param name="label" select="'catalogue.admin.f.parent'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="options" select="exsl:node-set($parents)/o"/>
        <xsl:with-param name="empty-label" select="'catalogue.admin.top'"/>
        <xsl:with-param name="hint" select="'catalogue.admin.h.parent'"/>
      </xsl:call-template>
      <xsl:call-template name="cad-text">
        <xsl:with-param name="name" select="'code'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="maxlength" select="'16'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="hint" select="'catalogue.admin.h.code'"/>
      </xsl:call-template>
      <xsl:call-template name="cad-text">
        <xsl:with-param name="name" select="'name'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="maxlength" select="'60'"/>
      </xsl:call-template>
      <xsl:call-template name="cad-sort"/>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'catalogue.admin.add'"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <xsl:template match="page[@view = 'cad-category']" mode="title">
    <xsl:call-template name="cad-t">
      <xsl:with-param name="key" select="'catalogue.admin.category.title'"/>
    </xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:value-of select="category/code"/>
  </xsl:template>

  <xsl:template match="page[@view = 'cad-category']" mode="content">
    <xsl:variable name="c" select="category"/>
    <xsl:variable name="action" select="concat($cat-mount, 'staff/category/', $c/id)"/>
    <xsl:call-template name="cad-top">
      <xsl:with-param name="key" select="'catalogue.admin.category.title'"/>
      <xsl:with-param name="what" select="concat($c/code, ' ', $c/name)"/>
    </xsl:call-template>
    <p class="meta">
      <xsl:call-template name="cad-facts">
        <xsl:with-param name="node" select="$c"/>
      </xsl:call-template>
      <xsl:text> · </xsl:text>
      <xsl:call-template name="cad-t">
        <xsl:with-param name="key" select="'catalogue.admin.own.n'"/>
        <xsl:with-param name="n" select="string($c/own)"/>
      </xsl:call-template>
      <xsl:text> · </xsl:text>
      <xsl:call-template name="cad-t">
        <xsl:with-param name="key" select="'catalogue.admin.children.n'"/>
        <xsl:with-param name="n" select="string($c/children)"/>
      </xsl:call-template>
    </p>

    <h2>
      <xsl:call-template name="cad-t">
        <xsl:with-param name="key" select="'catalogue.admin.edit'"/>
      </xsl:call-template>
    </h2>
    <form class="form cad-form" method="post" action="{$action}" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="cad-form-start">
        <xsl:with-param name="do" select="'save'"/>
        <xsl:with-param name="stamp" select="$c/stamp"/>
      </xsl:call-template>
      <xsl:call-template name="cad-text">
        <xsl:with-param name="name" select="'name'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="maxlength" select="'60'"/>
      </xsl:call-template>
      <xsl:call-template name="cad-sort"/>
      <xsl:call-template name="cad-active"/>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'catalogue.admin.save'"/>
      </xsl:call-template>
    </form>

    <h2>
      <xsl:call-template name="cad-t">
        <xsl:with-param name="key" select="'catalogue.admin.move'"/>
      </xsl:call-template>
    </h2>
    <xsl:variable name="parents">
      <xsl:for-each select="parents/category">
        <o value="{id}"><xsl:value-of select="concat(code, ' ', name)"/></o>
      </xsl:for-each>
    </xsl:variable>
    <form class="form cad-form" method="post" action="{$action}" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="cad-form-start">
        <xsl:with-param name="do" select="'move'"/>
        <xsl:with-param name="stamp" select="$c/stamp"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'parent'"/>
        <xsl:with-param name="label" select="'catalogue.admin.f.parent'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="options" select="exsl:node-set($parents)/o"/>
        <xsl:with-param name="empty-label" select="'catalogue.admin.top'"/>
        <xsl:with-param name="hint" select="'catalogue.admin.h.move'"/>
      </xsl:call-template>
      <xsl:call-template name="cad-text">
        <xsl:with-param name="name" select="'new_code'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="maxlength" select="'16'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="hint" select="'catalogue.admin.h.new_code'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'catalogue.admin.move'"/>
      </xsl:call-template>
    </form>

    <xsl:call-template name="cad-delete">
      <xsl:with-param name="node" select="$c"/>
      <xsl:with-param name="action" select="$action"/>
    </xsl:call-template>
    <xsl:call-template name="cad-back">
      <xsl:with-param name="path" select="concat('staff/categories#c', $c/id)"/>
      <xsl:with-param name="key" select="'catalogue.admin.back.categories'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The delete form of a node with no entries and no children, else why not. -->
  <xsl:template name="cad-delete">
    <xsl:param name="node"/>
    <xsl:param name="action"/>
    <h2>
      <xsl:call-template name="cad-t">
        <xsl:with-param name="key" select="'catalogue.admin.delete'"/>
      </xsl:call-template>
    </h2>
    <xsl:choose>
      <xsl:when test="$node/entries = '0' and $node/children = '0'">
        <form class="form cad-form" method="post" action="{$action}" accept-charset="UTF-8"
            novalidate="novalidate">
          <xsl:call-template name="cad-form-start">
            <xsl:with-param name="do" select="'delete'"/>
            <xsl:with-param name="stamp" select="$node/stamp"/>
          </xsl:call-template>
          <xsl:call-template name="submit">
            <xsl:with-param name="label" select="'catalogue.admin.delete'"/>
          </xsl:call-template>
        </form>
      </xsl:when>
      <xsl:otherwise>
        <p class="hint">
          <xsl:call-template name="cad-t">
            <xsl:with-param name="key" select="'catalogue.admin.delete.not'"/>
          </xsl:call-template>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================ the theme tree -->

  <xsl:template match="page[@view = 'cad-themes']" mode="title">
    <xsl:call-template name="cad-t">
      <xsl:with-param name="key" select="'catalogue.admin.themes.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'cad-themes']" mode="content">
    <xsl:call-template name="cad-top">
      <xsl:with-param name="key" select="'catalogue.admin.themes.title'"/>
    </xsl:call-template>
    <p class="hint">
      <xsl:call-template name="cad-t">
        <xsl:with-param name="key" select="'catalogue.admin.themes.intro'"/>
      </xsl:call-template>
    </p>
    <ul class="cad-tree">
      <xsl:for-each select="themes/theme[not(parent_id)]">
        <xsl:sort select="sort" data-type="number"/>
        <xsl:sort select="code"/>
        <xsl:variable name="id" select="string(id)"/>
        <li id="t{id}">
          <xsl:call-template name="cad-theme-item"/>
          <xsl:if test="/page/themes/theme[string(parent_id) = $id]">
            <ul class="cad-tree">
              <xsl:for-each select="/page/themes/theme[string(parent_id) = $id]">
                <xsl:sort select="sort" data-type="number"/>
                <xsl:sort select="code"/>
                <li id="t{id}">
                  <xsl:call-template name="cad-theme-item"/>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ul>
    <xsl:variable name="parents">
      <xsl:for-each select="themes/theme[not(parent_id)]">
        <o value="{id}"><xsl:value-of select="concat(code, ' ', name)"/></o>
      </xsl:for-each>
    </xsl:variable>
    <h2>
      <xsl:call-template name="cad-t">
        <xsl:with-param name="key" select="'catalogue.admin.theme.add'"/>
      </xsl:call-template>
    </h2>
    <form class="form cad-form" method="post" action="{$cat-mount}staff/themes"
        accept-charset="UTF-8" novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'parent'"/>
        <xsl:with-param name="label" select="'catalogue.admin.f.parent'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="options" select="exsl:node-set($parents)/o"/>
        <xsl:with-param name="empty-label" select="'catalogue.admin.top'"/>
        <xsl:with-param name="hint" select="'catalogue.admin.h.theme.parent'"/>
      </xsl:call-template>
      <xsl:call-template name="cad-text">
        <xsl:with-param name="name" select="'code'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="maxlength" select="'4'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="hint" select="'catalogue.admin.h.code'"/>
      </xsl:call-template>
      <xsl:call-template name="cad-text">
        <xsl:with-param name="name" select="'name'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="maxlength" select="'60'"/>
      </xsl:call-template>
      <xsl:call-template name="cad-sort"/>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'catalogue.admin.theme.add'"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <xsl:template name="cad-theme-item">
    <a href="{$cat-mount}staff/theme/{id}">
      <span class="cad-code"><xsl:value-of select="code"/></span>
      <xsl:text> </xsl:text>
      <xsl:value-of select="name"/>
    </a>
    <xsl:text> </xsl:text>
    <xsl:call-template name="cad-facts">
      <xsl:with-param name="node" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'cad-theme']" mode="title">
    <xsl:call-template name="cad-t">
      <xsl:with-param name="key" select="'catalogue.admin.theme.title'"/>
    </xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:value-of select="theme/code"/>
  </xsl:template>

  <xsl:template match="page[@view = 'cad-theme']" mode="content">
    <xsl:variable name="th" select="theme"/>
    <xsl:variable name="action" select="concat($cat-mount, 'staff/theme/', $th/id)"/>
    <xsl:call-template name="cad-top">
      <xsl:with-param name="key" select="'catalogue.admin.theme.title'"/>
      <xsl:with-param name="what" select="concat($th/code, ' ', $th/name)"/>
    </xsl:call-template>
    <p class="meta">
      <xsl:call-template name="cad-facts">
        <xsl:with-param name="node" select="$th"/>
      </xsl:call-template>
    </p>
    <h2>
      <xsl:call-template name="cad-t">
        <xsl:with-param name="key" select="'catalogue.admin.edit'"/>
      </xsl:call-template>
    </h2>
    <form class="form cad-form" method="post" action="{$action}" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="cad-form-start">
        <xsl:with-param name="do" select="'save'"/>
        <xsl:with-param name="stamp" select="$th/stamp"/>
      </xsl:call-template>
      <xsl:call-template name="cad-text">
        <xsl:with-param name="name" select="'name'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="maxlength" select="'60'"/>
      </xsl:call-template>
      <xsl:call-template name="cad-sort"/>
      <xsl:call-template name="cad-active"/>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'catalogue.admin.save'"/>
      </xsl:call-template>
    </form>
    <xsl:call-template name="cad-delete">
      <xsl:with-param name="node" select="$th"/>
      <xsl:with-param name="action" select="$action"/>
    </xsl:call-template>
    <xsl:call-template name="cad-back">
      <xsl:with-param name="path" select="concat('staff/themes#t', $th/id)"/>
      <xsl:with-param name="key" select="'catalogue.admin.back.themes'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================ issuing bodies -->

  <xsl:template match="page[@view = 'cad-bodies']" mode="title">
    <xsl:call-template name="cad-t">
      <xsl:with-param name="key" select="'catalogue.admin.bodies.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'cad-bodies']" mode="content">
    <xsl:call-template name="cad-top">
      <xsl:with-param name="key" select="'catalogue.admin.bodies.title'"/>
    </xsl:call-template>
    <div class="table-wrap" role="region" tabindex="0">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="cad-t">
          <xsl:with-param name="key" select="'catalogue.admin.bodies.title'"/>
        </xsl:call-template>
      </xsl:attribute>
      <table class="data-table cad-bodies">
        <caption>
          <xsl:call-template name="cad-t">
            <xsl:with-param name="key" select="'catalogue.admin.bodies.title'"/>
          </xsl:call-template>
        </caption>
        <thead>
          <tr>
            <xsl:for-each select="exsl:node-set($cad-body-cols)/c">
              <th scope="col">
                <xsl:call-template name="cad-t">
                  <xsl:with-param name="key" select="concat('catalogue.admin.col.', .)"/>
                </xsl:call-template>
              </th>
            </xsl:for-each>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="bodies/body">
            <tr id="b{id}">
              <td>
                <a href="{$cat-mount}staff/body/{id}"><xsl:value-of select="name"/></a>
              </td>
              <td class="cad-code"><xsl:value-of select="org_code"/></td>
              <td><xsl:value-of select="sort"/></td>
              <td><xsl:value-of select="entries"/></td>
              <td><xsl:value-of select="numbered"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <xsl:variable name="depts">
      <xsl:for-each select="departments/department">
        <o value="{id}"><xsl:value-of select="name"/></o>
      </xsl:for-each>
    </xsl:variable>
    <h2>
      <xsl:call-template name="cad-t">
        <xsl:with-param name="key" select="'catalogue.admin.body.add'"/>
      </xsl:call-template>
    </h2>
    <form class="form cad-form" method="post" action="{$cat-mount}staff/bodies"
        accept-charset="UTF-8" novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'department'"/>
        <xsl:with-param name="label" select="'catalogue.admin.f.department'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="options" select="exsl:node-set($depts)/o"/>
      </xsl:call-template>
      <xsl:call-template name="cad-org-code"/>
      <xsl:call-template name="cad-sort"/>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'catalogue.admin.body.add'"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <xsl:variable name="cad-body-cols">
    <c>name</c><c>org_code</c><c>sort</c><c>entries</c><c>numbered</c>
  </xsl:variable>

  <xsl:template name="cad-org-code">
    <xsl:call-template name="cad-text">
      <xsl:with-param name="name" select="'org_code'"/>
      <xsl:with-param name="required" select="'yes'"/>
      <xsl:with-param name="maxlength" select="'9'"/>
      <xsl:with-param name="hint" select="'catalogue.admin.h.org_code'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'cad-body']" mode="title">
    <xsl:call-template name="cad-t">
      <xsl:with-param name="key" select="'catalogue.admin.body.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'cad-body']" mode="content">
    <xsl:variable name="b" select="body"/>
    <xsl:call-template name="cad-top">
      <xsl:with-param name="key" select="'catalogue.admin.body.title'"/>
      <xsl:with-param name="what" select="$b/name"/>
    </xsl:call-template>
    <p class="meta">
      <xsl:call-template name="cad-t">
        <xsl:with-param name="key" select="'catalogue.admin.entries.n'"/>
        <xsl:with-param name="n" select="string($b/entries)"/>
      </xsl:call-template>
    </p>
    <xsl:if test="$b/numbered != '0'">
      <p class="hint">
        <xsl:call-template name="cad-t">
          <xsl:with-param name="key" select="'catalogue.admin.body.fixed'"/>
        </xsl:call-template>
      </p>
    </xsl:if>
    <form class="form cad-form" method="post" action="{$cat-mount}staff/body/{$b/id}"
        accept-charset="UTF-8" novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <input type="hidden" name="stamp" value="{$b/stamp}"/>
      <xsl:call-template name="cad-org-code"/>
      <xsl:call-template name="cad-sort"/>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'catalogue.admin.save'"/>
      </xsl:call-template>
    </form>
    <xsl:call-template name="cad-back">
      <xsl:with-param name="path" select="'staff/bodies'"/>
      <xsl:with-param name="key" select="'catalogue.admin.back.bodies'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
