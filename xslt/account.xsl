<?xml version="1.0" encoding="UTF-8"?>
<!--
  account.xsl: civic-account.fcgi (mounted at /account/), the staff side:
  signing in, one's own password, departments, staff and the audit log.
  Views (/page/@view):

    home             GET  /                 a menu by /page/staff/role
    signin           GET|POST /signin       /page/next (optional); a failed
                                            sign-in: 422 with the message
                                            account.signin.failed
    password         GET|POST /password     messages account.password.*
    department-list  GET  /departments      /page/departments/department
                                            (id, code, name, phone, address, parent_name)
    department-form  GET|POST /departments/new, /departments/{id}
                                            /page/department-id when editing,
                                            /page/parents/department (id, name)
    department       GET  /department/{id}  /page/department (id, code, name,
                                            phone, address), /page/members/member
                                            (staff_no, name)
    staff-list       GET  /staff            /page/members/member (id, staff_no, name,
                                            department, roles "admin,clerk", active 1|0)
    staff-form       GET|POST /staff/new, /staff/{id}
                                            /page/member-id when editing,
                                            /page/departments/department (id, name);
                                            an error on field "roles" belongs to
                                            the group of role boxes
    audit            GET  /audit            the filter (/page/values), /page/entries/entry
                                            (id, at, staff_no, staff_name, address,
                                            action, object_type, object_id, detail),
                                            /page/pager

  Forms that change records carry form-hidden (CSRF and idempotency key);
  sign-in and the password form carry the CSRF token alone (their routes
  are CIVIC_R_CSRF).  Passwords are never written into a page.  Audit
  actions and object types are translated by the keys audit.action.CODE and
  audit.object.CODE; a code with no key is shown as it is, in <code>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="exsl str">

  <xsl:include href="layout.xsl"/>
  <xsl:include href="common.xsl"/>

  <xsl:variable name="mount" select="string(/page/site/@mount)"/>

  <!-- ===== shared pieces ===== -->

  <xsl:template name="heading">
    <h1>
      <xsl:apply-templates select="/page" mode="title"/>
    </h1>
  </xsl:template>

  <xsl:template name="back">
    <xsl:param name="href" select="$mount"/>
    <xsl:param name="key" select="'account.back-home'"/>
    <p class="back-link">
      <a href="{$href}">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- A column header: <th scope="col">. -->
  <xsl:template name="th">
    <xsl:param name="key"/>
    <th scope="col">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
    </th>
  </xsl:template>

  <!-- A value, or a dash for an empty one. -->
  <xsl:template name="or-none">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v) != ''">
        <xsl:value-of select="$v"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'account.none'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The text of a code through the catalogue (prefix + code), or the code
    itself in <code> when the catalogue has no such key.
  -->
  <xsl:template name="code-text">
    <xsl:param name="prefix"/>
    <xsl:param name="code"/>
    <xsl:choose>
      <xsl:when test="$i18n-zh-m[@k = concat($prefix, $code)]">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="concat($prefix, $code)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <code>
          <xsl:value-of select="$code"/>
        </code>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "admin,clerk" as 系统管理员、窗口/部门工作人员. -->
  <xsl:template name="role-list">
    <xsl:param name="roles"/>
    <xsl:variable name="head" select="normalize-space(substring-before(concat($roles, ','), ','))"/>
    <xsl:variable name="rest" select="substring-after($roles, ',')"/>
    <xsl:if test="$head != ''">
      <xsl:call-template name="code-text">
        <xsl:with-param name="prefix" select="'role.'"/>
        <xsl:with-param name="code" select="$head"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$head != '' and normalize-space($rest) != ''">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="'account.list-sep'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="normalize-space($rest) != ''">
      <xsl:call-template name="role-list">
        <xsl:with-param name="roles" select="$rest"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!--
    A table that scrolls sideways on a narrow screen: the scrolling box is
    a labelled region that takes keyboard focus, so that it can be scrolled
    without a mouse.
  -->
  <xsl:template name="table-open-attrs">
    <xsl:param name="caption-id"/>
    <xsl:attribute name="class">table-wrap</xsl:attribute>
    <xsl:attribute name="role">region</xsl:attribute>
    <xsl:attribute name="aria-labelledby">
      <xsl:value-of select="$caption-id"/>
    </xsl:attribute>
    <xsl:attribute name="tabindex">0</xsl:attribute>
  </xsl:template>

  <xsl:template name="caption">
    <xsl:param name="id"/>
    <xsl:param name="key"/>
    <caption id="{$id}">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
    </caption>
  </xsl:template>

  <xsl:template name="empty">
    <xsl:param name="key"/>
    <p class="empty">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
    </p>
  </xsl:template>

  <xsl:template name="button-link">
    <xsl:param name="href"/>
    <xsl:param name="key"/>
    <p>
      <a class="button" href="{$href}">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </a>
    </p>
  </xsl:template>

  <!-- "2026-11-23 10:15:00" in a <time>. -->
  <xsl:template name="time">
    <xsl:param name="v"/>
    <time datetime="{$v}">
      <xsl:value-of select="$v"/>
    </time>
  </xsl:template>

  <!-- ===== home ===== -->

  <xsl:template match="page[@view = 'home']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'account.home.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'home']" mode="content">
    <xsl:variable name="me" select="staff[1]"/>
    <xsl:call-template name="heading"/>
    <xsl:if test="$me">
      <p class="lead">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'account.home.hello'"/>
          <xsl:with-param name="s" select="string($me/@name)"/>
        </xsl:call-template>
      </p>
      <xsl:if test="$me/role">
        <p>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'account.home.roles'"/>
          </xsl:call-template>
          <xsl:for-each select="$me/role">
            <xsl:if test="position() > 1">
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="'account.list-sep'"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:call-template name="code-text">
              <xsl:with-param name="prefix" select="'role.'"/>
              <xsl:with-param name="code" select="string(.)"/>
            </xsl:call-template>
          </xsl:for-each>
        </p>
      </xsl:if>
    </xsl:if>
    <section aria-labelledby="menu-heading">
      <h2 id="menu-heading">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'account.home.menu'"/>
        </xsl:call-template>
      </h2>
      <ul class="menu-list">
        <xsl:if test="$me/role = 'admin'">
          <xsl:call-template name="menu-item">
            <xsl:with-param name="href" select="concat($mount, 'departments')"/>
            <xsl:with-param name="key" select="'account.menu.departments'"/>
          </xsl:call-template>
          <xsl:call-template name="menu-item">
            <xsl:with-param name="href" select="concat($mount, 'staff')"/>
            <xsl:with-param name="key" select="'account.menu.staff'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$me/role = 'admin' or $me/role = 'supervisor'">
          <xsl:call-template name="menu-item">
            <xsl:with-param name="href" select="concat($mount, 'audit')"/>
            <xsl:with-param name="key" select="'account.menu.audit'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$me/role = 'admin'">
          <xsl:call-template name="menu-item">
            <xsl:with-param name="href" select="concat($mount, 'outbox')"/>
            <xsl:with-param name="key" select="'account.menu.outbox'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$me/@department != ''">
          <xsl:call-template name="menu-item">
            <xsl:with-param name="href" select="concat($mount, 'department/', $me/@department)"/>
            <xsl:with-param name="key" select="'account.menu.department'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="menu-item">
          <xsl:with-param name="href" select="concat($mount, 'password')"/>
          <xsl:with-param name="key" select="'account.menu.password'"/>
        </xsl:call-template>
      </ul>
    </section>
  </xsl:template>

  <xsl:template name="menu-item">
    <xsl:param name="href"/>
    <xsl:param name="key"/>
    <li>
      <a href="{$href}">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </a>
    </li>
  </xsl:template>

  <!-- ===== signin ===== -->

  <xsl:template match="page[@view = 'signin']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'account.signin.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'signin']" mode="content">
    <xsl:variable name="next">
      <xsl:choose>
        <xsl:when test="next != ''">
          <xsl:value-of select="next"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="values/value[@name = 'next']"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="heading"/>
    <p class="lead">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="'account.signin.intro'"/>
      </xsl:call-template>
    </p>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'account.signin.f.'"/>
    </xsl:call-template>
    <form class="form" method="post" action="{$mount}signin" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="form-csrf"/>
      <xsl:if test="string($next) != ''">
        <input type="hidden" name="next" value="{$next}"/>
      </xsl:if>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'staff_no'"/>
        <xsl:with-param name="label" select="'account.signin.f.staff_no'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="maxlength" select="'16'"/>
        <xsl:with-param name="autocomplete" select="'username'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'password'"/>
        <xsl:with-param name="label" select="'account.signin.f.password'"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="autocomplete" select="'current-password'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'account.signin.submit'"/>
      </xsl:call-template>
    </form>
  </xsl:template>

  <!-- ===== password ===== -->

  <xsl:template match="page[@view = 'password']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'account.password.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'password']" mode="content">
    <xsl:call-template name="heading"/>
    <p class="lead">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="'account.password.intro'"/>
      </xsl:call-template>
    </p>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'account.password.f.'"/>
    </xsl:call-template>
    <form class="form" method="post" action="{$mount}password" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="form-csrf"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'current'"/>
        <xsl:with-param name="label" select="'account.password.f.current'"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="autocomplete" select="'current-password'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'new'"/>
        <xsl:with-param name="label" select="'account.password.f.new'"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'account.password.h.new'"/>
        <xsl:with-param name="autocomplete" select="'new-password'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'confirm'"/>
        <xsl:with-param name="label" select="'account.password.f.confirm'"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="autocomplete" select="'new-password'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'account.password.submit'"/>
      </xsl:call-template>
    </form>
    <xsl:call-template name="back"/>
  </xsl:template>

  <!-- ===== department-list ===== -->

  <xsl:template match="page[@view = 'department-list']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'account.dept.list.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'department-list']" mode="content">
    <xsl:call-template name="heading"/>
    <xsl:call-template name="button-link">
      <xsl:with-param name="href" select="concat($mount, 'departments/new')"/>
      <xsl:with-param name="key" select="'account.dept.new'"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="departments/department">
        <div>
          <xsl:call-template name="table-open-attrs">
            <xsl:with-param name="caption-id" select="'departments-caption'"/>
          </xsl:call-template>
          <table class="data-table">
            <xsl:call-template name="caption">
              <xsl:with-param name="id" select="'departments-caption'"/>
              <xsl:with-param name="key" select="'account.dept.list.caption'"/>
            </xsl:call-template>
            <thead>
              <tr>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.dept.f.name'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.dept.f.code'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.dept.parent_name'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.dept.f.phone'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.dept.f.address'"/>
                </xsl:call-template>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="departments/department">
                <tr>
                  <th scope="row">
                    <a href="{$mount}departments/{id}">
                      <xsl:value-of select="name"/>
                    </a>
                  </th>
                  <td>
                    <code>
                      <xsl:value-of select="code"/>
                    </code>
                  </td>
                  <td>
                    <xsl:call-template name="or-none">
                      <xsl:with-param name="v" select="parent_name"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="or-none">
                      <xsl:with-param name="v" select="phone"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="or-none">
                      <xsl:with-param name="v" select="address"/>
                    </xsl:call-template>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty">
          <xsl:with-param name="key" select="'account.dept.list.empty'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="back"/>
  </xsl:template>

  <!-- ===== department-form ===== -->

  <xsl:template match="page[@view = 'department-form']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key">
        <xsl:choose>
          <xsl:when test="department-id">account.dept.edit</xsl:when>
          <xsl:otherwise>account.dept.new</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'department-form']" mode="content">
    <xsl:variable name="parents">
      <xsl:for-each select="parents/department">
        <o value="{id}">
          <xsl:value-of select="name"/>
        </o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="action">
      <xsl:choose>
        <xsl:when test="department-id">
          <xsl:value-of select="concat($mount, 'departments/', department-id)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat($mount, 'departments/new')"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="heading"/>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'account.dept.f.'"/>
    </xsl:call-template>
    <form class="form" method="post" action="{$action}" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'code'"/>
        <xsl:with-param name="label" select="'account.dept.f.code'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'account.dept.h.code'"/>
        <xsl:with-param name="maxlength" select="'32'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'name'"/>
        <xsl:with-param name="label" select="'account.dept.f.name'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="maxlength" select="'60'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'phone'"/>
        <xsl:with-param name="label" select="'account.dept.f.phone'"/>
        <xsl:with-param name="type" select="'tel'"/>
        <xsl:with-param name="maxlength" select="'32'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'address'"/>
        <xsl:with-param name="label" select="'account.dept.f.address'"/>
        <xsl:with-param name="maxlength" select="'200'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'parent'"/>
        <xsl:with-param name="label" select="'account.dept.f.parent'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="options" select="exsl:node-set($parents)/o"/>
        <xsl:with-param name="empty-label" select="'account.dept.parent.none'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'account.dept.submit'"/>
      </xsl:call-template>
    </form>
    <xsl:call-template name="back">
      <xsl:with-param name="href" select="concat($mount, 'departments')"/>
      <xsl:with-param name="key" select="'account.dept.back'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== department ===== -->

  <xsl:template match="page[@view = 'department']" mode="title">
    <xsl:value-of select="department/name"/>
  </xsl:template>

  <xsl:template match="page[@view = 'department']" mode="content">
    <xsl:variable name="d" select="department"/>
    <xsl:call-template name="heading"/>
    <dl class="meta-list">
      <div>
        <dt>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'account.dept.f.code'"/>
          </xsl:call-template>
        </dt>
        <dd>
          <code>
            <xsl:value-of select="$d/code"/>
          </code>
        </dd>
      </div>
      <div>
        <dt>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'account.dept.f.phone'"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:call-template name="or-none">
            <xsl:with-param name="v" select="$d/phone"/>
          </xsl:call-template>
        </dd>
      </div>
      <div>
        <dt>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'account.dept.f.address'"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:call-template name="or-none">
            <xsl:with-param name="v" select="$d/address"/>
          </xsl:call-template>
        </dd>
      </div>
    </dl>
    <section class="list-section" aria-labelledby="members-heading">
      <h2 id="members-heading">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="'account.dept.members'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="members/member">
          <div>
            <xsl:call-template name="table-open-attrs">
              <xsl:with-param name="caption-id" select="'members-heading'"/>
            </xsl:call-template>
            <table class="data-table" aria-labelledby="members-heading">
              <thead>
                <tr>
                  <xsl:call-template name="th">
                    <xsl:with-param name="key" select="'account.staff.f.name'"/>
                  </xsl:call-template>
                  <xsl:call-template name="th">
                    <xsl:with-param name="key" select="'account.staff.f.staff_no'"/>
                  </xsl:call-template>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="members/member">
                  <tr>
                    <th scope="row">
                      <xsl:value-of select="name"/>
                    </th>
                    <td>
                      <xsl:value-of select="staff_no"/>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="empty">
            <xsl:with-param name="key" select="'account.dept.members.empty'"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:call-template name="back"/>
  </xsl:template>

  <!-- ===== staff-list ===== -->

  <xsl:template match="page[@view = 'staff-list']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'account.staff.list.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'staff-list']" mode="content">
    <xsl:call-template name="heading"/>
    <xsl:call-template name="button-link">
      <xsl:with-param name="href" select="concat($mount, 'staff/new')"/>
      <xsl:with-param name="key" select="'account.staff.new'"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="members/member">
        <div>
          <xsl:call-template name="table-open-attrs">
            <xsl:with-param name="caption-id" select="'staff-caption'"/>
          </xsl:call-template>
          <table class="data-table">
            <xsl:call-template name="caption">
              <xsl:with-param name="id" select="'staff-caption'"/>
              <xsl:with-param name="key" select="'account.staff.list.caption'"/>
            </xsl:call-template>
            <thead>
              <tr>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.staff.f.name'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.staff.f.staff_no'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.staff.department'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.staff.roles'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.staff.status'"/>
                </xsl:call-template>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="members/member">
                <tr>
                  <xsl:if test="string(active) != '1'">
                    <xsl:attribute name="class">inactive</xsl:attribute>
                  </xsl:if>
                  <th scope="row">
                    <a href="{$mount}staff/{id}">
                      <xsl:value-of select="name"/>
                    </a>
                  </th>
                  <td>
                    <xsl:value-of select="staff_no"/>
                  </td>
                  <td>
                    <xsl:call-template name="or-none">
                      <xsl:with-param name="v" select="department"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="role-list">
                      <xsl:with-param name="roles" select="string(roles)"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="t">
                      <xsl:with-param name="key">
                        <xsl:choose>
                          <xsl:when test="string(active) = '1'">account.staff.active</xsl:when>
                          <xsl:otherwise>account.staff.inactive</xsl:otherwise>
                        </xsl:choose>
                      </xsl:with-param>
                    </xsl:call-template>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty">
          <xsl:with-param name="key" select="'account.staff.list.empty'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="back"/>
  </xsl:template>

  <!-- ===== staff-form ===== -->

  <xsl:template match="page[@view = 'staff-form']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key">
        <xsl:choose>
          <xsl:when test="member-id">account.staff.edit</xsl:when>
          <xsl:otherwise>account.staff.new</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'staff-form']" mode="content">
    <xsl:variable name="edit" select="boolean(member-id)"/>
    <xsl:variable name="departments">
      <xsl:for-each select="departments/department">
        <o value="{id}">
          <xsl:value-of select="name"/>
        </o>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="roles-error" select="errors/error[@field = 'roles'][1]"/>
    <xsl:variable name="action">
      <xsl:choose>
        <xsl:when test="$edit">
          <xsl:value-of select="concat($mount, 'staff/', member-id)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat($mount, 'staff/new')"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="heading"/>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'account.staff.f.'"/>
    </xsl:call-template>
    <form class="form" method="post" action="{$action}" accept-charset="UTF-8"
        novalidate="novalidate">
      <xsl:call-template name="form-hidden"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'staff_no'"/>
        <xsl:with-param name="label" select="'account.staff.f.staff_no'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="hint" select="'account.staff.h.staff_no'"/>
        <xsl:with-param name="maxlength" select="'16'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'name'"/>
        <xsl:with-param name="label" select="'account.staff.f.name'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="maxlength" select="'20'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'department'"/>
        <xsl:with-param name="label" select="'account.staff.f.department'"/>
        <xsl:with-param name="type" select="'select'"/>
        <xsl:with-param name="required" select="'yes'"/>
        <xsl:with-param name="options" select="exsl:node-set($departments)/o"/>
      </xsl:call-template>

      <!-- The roles: a group of boxes; "at least one" is the group's error. -->
      <fieldset id="f-roles">
        <xsl:attribute name="class">
          <xsl:text>field-group</xsl:text>
          <xsl:if test="$roles-error"> field-invalid</xsl:if>
        </xsl:attribute>
        <xsl:attribute name="aria-describedby">
          <xsl:text>f-roles-hint</xsl:text>
          <xsl:if test="$roles-error"> f-roles-error</xsl:if>
        </xsl:attribute>
        <legend>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'account.staff.f.roles'"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <span class="req">
            <xsl:call-template name="t">
              <xsl:with-param name="key" select="'form.required'"/>
            </xsl:call-template>
          </span>
        </legend>
        <p class="hint" id="f-roles-hint">
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'account.staff.h.roles'"/>
          </xsl:call-template>
        </p>
        <xsl:if test="$roles-error">
          <p class="field-error" id="f-roles-error">
            <span class="visually-hidden">
              <xsl:call-template name="t">
                <xsl:with-param name="key" select="'form.error-prefix'"/>
              </xsl:call-template>
            </span>
            <xsl:apply-templates select="$roles-error" mode="text"/>
          </p>
        </xsl:if>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'role_admin'"/>
          <xsl:with-param name="label" select="'account.staff.f.role_admin'"/>
          <xsl:with-param name="type" select="'checkbox'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'role_office'"/>
          <xsl:with-param name="label" select="'account.staff.f.role_office'"/>
          <xsl:with-param name="type" select="'checkbox'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'role_clerk'"/>
          <xsl:with-param name="label" select="'account.staff.f.role_clerk'"/>
          <xsl:with-param name="type" select="'checkbox'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'role_supervisor'"/>
          <xsl:with-param name="label" select="'account.staff.f.role_supervisor'"/>
          <xsl:with-param name="type" select="'checkbox'"/>
        </xsl:call-template>
      </fieldset>

      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'phone'"/>
        <xsl:with-param name="label" select="'account.staff.f.phone'"/>
        <xsl:with-param name="type" select="'tel'"/>
        <xsl:with-param name="maxlength" select="'32'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'on_duty'"/>
        <xsl:with-param name="label" select="'account.staff.f.on_duty'"/>
        <xsl:with-param name="hint" select="'account.staff.h.on_duty'"/>
        <xsl:with-param name="maxlength" select="'200'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <!--
        A new account is active unless the form came back with the box
        cleared (an unticked box sends nothing, so "no value" after errors
        means cleared).
      -->
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'active'"/>
        <xsl:with-param name="label" select="'account.staff.f.active'"/>
        <xsl:with-param name="type" select="'checkbox'"/>
        <xsl:with-param name="hint" select="'account.staff.h.active'"/>
        <xsl:with-param name="checked">
          <xsl:if test="not($edit) and not(errors/error) and not(values/value[@name = 'active'])">yes</xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'password'"/>
        <xsl:with-param name="label">
          <xsl:choose>
            <xsl:when test="$edit">account.staff.f.password-edit</xsl:when>
            <xsl:otherwise>account.staff.f.password-new</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="required">
          <xsl:choose>
            <xsl:when test="$edit">no</xsl:when>
            <xsl:otherwise>yes</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="hint" select="'account.staff.h.password'"/>
        <xsl:with-param name="autocomplete" select="'new-password'"/>
      </xsl:call-template>
      <xsl:call-template name="submit">
        <xsl:with-param name="label" select="'account.staff.submit'"/>
      </xsl:call-template>
    </form>
    <xsl:call-template name="back">
      <xsl:with-param name="href" select="concat($mount, 'staff')"/>
      <xsl:with-param name="key" select="'account.staff.back'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== audit ===== -->

  <xsl:template match="page[@view = 'audit']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'account.audit.title'"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    The options of a filter select: every catalogue key that begins with
    prefix gives a code and its text; a current value the catalogue does
    not know is kept as an option of its own, so that the filter shown is
    the filter applied.
  -->
  <xsl:template name="code-options">
    <xsl:param name="prefix"/>
    <xsl:param name="current"/>
    <xsl:for-each select="$i18n-zh-m[starts-with(@k, $prefix)]">
      <o value="{substring-after(@k, $prefix)}">
        <xsl:call-template name="t">
          <xsl:with-param name="key" select="string(@k)"/>
        </xsl:call-template>
      </o>
    </xsl:for-each>
    <xsl:if test="$current != '' and not($i18n-zh-m[@k = concat($prefix, $current)])">
      <o value="{$current}">
        <xsl:value-of select="$current"/>
      </o>
    </xsl:if>
  </xsl:template>

  <!-- The filter as a query string, for the pager's links. -->
  <xsl:template name="audit-query">
    <xsl:for-each select="/page/values/value[(@name = 'staff_no' or @name = 'action'
        or @name = 'object' or @name = 'from' or @name = 'to') and . != '']">
      <xsl:if test="position() > 1">&amp;</xsl:if>
      <xsl:value-of select="concat(@name, '=', str:encode-uri(string(.), true()))"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="page[@view = 'audit']" mode="content">
    <xsl:variable name="actions">
      <xsl:call-template name="code-options">
        <xsl:with-param name="prefix" select="'audit.action.'"/>
        <xsl:with-param name="current" select="string(values/value[@name = 'action'])"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="objects">
      <xsl:call-template name="code-options">
        <xsl:with-param name="prefix" select="'audit.object.'"/>
        <xsl:with-param name="current" select="string(values/value[@name = 'object'])"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="query">
      <xsl:call-template name="audit-query"/>
    </xsl:variable>
    <xsl:call-template name="heading"/>
    <xsl:call-template name="error-summary">
      <xsl:with-param name="label-prefix" select="'account.audit.f.'"/>
    </xsl:call-template>
    <form class="form filter-form" method="get" action="{$mount}audit" accept-charset="UTF-8"
        role="search" novalidate="novalidate">
      <fieldset>
        <legend>
          <xsl:call-template name="t">
            <xsl:with-param name="key" select="'account.audit.filter'"/>
          </xsl:call-template>
        </legend>
        <div class="filter-fields">
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'staff_no'"/>
            <xsl:with-param name="label" select="'account.audit.f.staff_no'"/>
            <xsl:with-param name="maxlength" select="'16'"/>
            <xsl:with-param name="autocomplete" select="'off'"/>
            <xsl:with-param name="inputmode" select="'numeric'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'action'"/>
            <xsl:with-param name="label" select="'account.audit.f.action'"/>
            <xsl:with-param name="type" select="'select'"/>
            <xsl:with-param name="options" select="exsl:node-set($actions)/o"/>
            <xsl:with-param name="empty-label" select="'account.audit.all'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'object'"/>
            <xsl:with-param name="label" select="'account.audit.f.object'"/>
            <xsl:with-param name="type" select="'select'"/>
            <xsl:with-param name="options" select="exsl:node-set($objects)/o"/>
            <xsl:with-param name="empty-label" select="'account.audit.all'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'from'"/>
            <xsl:with-param name="label" select="'account.audit.f.from'"/>
            <xsl:with-param name="type" select="'date'"/>
            <xsl:with-param name="hint" select="'account.audit.h.date'"/>
          </xsl:call-template>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'to'"/>
            <xsl:with-param name="label" select="'account.audit.f.to'"/>
            <xsl:with-param name="type" select="'date'"/>
            <xsl:with-param name="hint" select="'account.audit.h.date'"/>
          </xsl:call-template>
        </div>
        <xsl:call-template name="submit">
          <xsl:with-param name="label" select="'account.audit.submit'"/>
        </xsl:call-template>
      </fieldset>
    </form>
    <xsl:choose>
      <xsl:when test="entries/entry">
        <div>
          <xsl:call-template name="table-open-attrs">
            <xsl:with-param name="caption-id" select="'audit-caption'"/>
          </xsl:call-template>
          <table class="data-table audit-table">
            <xsl:call-template name="caption">
              <xsl:with-param name="id" select="'audit-caption'"/>
              <xsl:with-param name="key" select="'account.audit.caption'"/>
            </xsl:call-template>
            <thead>
              <tr>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.audit.at'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.audit.staff'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.audit.action'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.audit.object'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.audit.detail'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.audit.address'"/>
                </xsl:call-template>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="entries/entry">
                <tr>
                  <th scope="row" class="nowrap">
                    <xsl:call-template name="time">
                      <xsl:with-param name="v" select="string(at)"/>
                    </xsl:call-template>
                  </th>
                  <td class="nowrap">
                    <xsl:choose>
                      <xsl:when test="normalize-space(staff_no) != ''">
                        <xsl:value-of select="staff_no"/>
                        <xsl:if test="normalize-space(staff_name) != ''">
                          <xsl:text> </xsl:text>
                          <xsl:value-of select="staff_name"/>
                        </xsl:if>
                      </xsl:when>
                      <xsl:otherwise>
                        <xsl:call-template name="t">
                          <xsl:with-param name="key" select="'account.none'"/>
                        </xsl:call-template>
                      </xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td>
                    <xsl:call-template name="code-text">
                      <xsl:with-param name="prefix" select="'audit.action.'"/>
                      <xsl:with-param name="code" select="string(action)"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="normalize-space(object_type) != ''">
                        <xsl:call-template name="code-text">
                          <xsl:with-param name="prefix" select="'audit.object.'"/>
                          <xsl:with-param name="code" select="string(object_type)"/>
                        </xsl:call-template>
                        <xsl:if test="normalize-space(object_id) != ''">
                          <xsl:text> </xsl:text>
                          <xsl:value-of select="object_id"/>
                        </xsl:if>
                      </xsl:when>
                      <xsl:otherwise>
                        <xsl:call-template name="t">
                          <xsl:with-param name="key" select="'account.none'"/>
                        </xsl:call-template>
                      </xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="detail">
                    <xsl:call-template name="or-none">
                      <xsl:with-param name="v" select="detail"/>
                    </xsl:call-template>
                  </td>
                  <td>
                    <code>
                      <xsl:value-of select="address"/>
                    </code>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty">
          <xsl:with-param name="key" select="'account.audit.empty'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="pager">
      <xsl:with-param name="query" select="string($query)"/>
    </xsl:call-template>
    <xsl:call-template name="back"/>
  </xsl:template>

  <!-- ===== outbox: notifications that could not be sent ===== -->

  <xsl:template match="page[@view = 'outbox']" mode="title">
    <xsl:call-template name="t">
      <xsl:with-param name="key" select="'account.outbox.title'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@view = 'outbox']" mode="content">
    <xsl:call-template name="heading"/>
    <p class="lead">
      <xsl:call-template name="t">
        <xsl:with-param name="key" select="'account.outbox.lead'"/>
      </xsl:call-template>
    </p>
    <xsl:choose>
      <xsl:when test="messages-failed/message">
        <div>
          <xsl:call-template name="table-open-attrs">
            <xsl:with-param name="caption-id" select="'outbox-caption'"/>
          </xsl:call-template>
          <table class="data-table">
            <xsl:call-template name="caption">
              <xsl:with-param name="id" select="'outbox-caption'"/>
              <xsl:with-param name="key" select="'account.outbox.title'"/>
            </xsl:call-template>
            <thead>
              <tr>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.outbox.created'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.outbox.channel'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.outbox.recipient'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.outbox.template'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.outbox.attempts'"/>
                </xsl:call-template>
                <xsl:call-template name="th">
                  <xsl:with-param name="key" select="'account.outbox.error'"/>
                </xsl:call-template>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="messages-failed/message">
                <tr>
                  <td><xsl:value-of select="created"/></td>
                  <td>
                    <xsl:call-template name="t">
                      <xsl:with-param name="key" select="concat('account.outbox.channel.', channel)"/>
                    </xsl:call-template>
                  </td>
                  <td><code><xsl:value-of select="recipient"/></code></td>
                  <td><code><xsl:value-of select="template"/></code></td>
                  <td><xsl:value-of select="attempts"/></td>
                  <td class="detail"><xsl:value-of select="last_error"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty">
          <xsl:with-param name="key" select="'account.outbox.empty'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="pager"/>
    <xsl:call-template name="back"/>
  </xsl:template>

</xsl:stylesheet>
