<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccidentDialog</name>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="187"/>
        <source>事故维修（保险理赔）</source>
        <translation>Accident Repair (Insurance Claim)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="193"/>
        <source>元，例如 3500.00</source>
        <translation>¥, e.g. 3500.00</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="195"/>
        <source>直赔（保险公司直接向本店支付）</source>
        <translation>Direct claim (insurer pays the shop directly)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="196"/>
        <source>保险公司</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="197"/>
        <source>报案/理赔号</source>
        <translation>Report/claim no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="198"/>
        <source>定损金额</source>
        <translation>Assessed loss</translation>
    </message>
</context>
<context>
    <name>AccountModel</name>
    <message>
        <location filename="../../ui/models/account_model.py" line="23"/>
        <source>店主</source>
        <translation>Shop owner</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="23"/>
        <source>前台</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="23"/>
        <source>服务顾问</source>
        <translation>Service advisor</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="23"/>
        <source>技师</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="27"/>
        <source>全部功能</source>
        <translation>Everything</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="27"/>
        <source>前台权限</source>
        <translation>Front-desk rights</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="27"/>
        <source>技师权限</source>
        <translation>Technician rights</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="33"/>
        <source>全部功能，包括设置、经营看板、账号、审计日志和备份。</source>
        <translation>Everything, including settings, the dashboard, accounts, the audit trail and backups.</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="35"/>
        <source>查看工单（不显示价格和车主电话）、危废台账。不能接车、改工单或结算。</source>
        <translation>View work orders (without prices or owners&apos; phone numbers) and the hazardous-waste ledger. Cannot take cars in, edit orders or settle.</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="36"/>
        <source>接车、工单、结算、打印、保养提醒与缺陷记录、上传队列。看不到经营看板、设置、账号、审计日志和备份。</source>
        <translation>Intake, work orders, settlement, printing, reminders and defect records, the upload queue. No dashboard, settings, accounts, audit trail or backups.</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="46"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="46"/>
        <source>登录名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="46"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="46"/>
        <source>权限</source>
        <translation>Rights</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="46"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="46"/>
        <source>锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="46"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="101"/>
        <source>启用</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="101"/>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="104"/>
        <source>锁定至 {0}</source>
        <translation>Locked until {0}</translation>
    </message>
    <message>
        <location filename="../../ui/models/account_model.py" line="107"/>
        <source>下次登录须改密码</source>
        <translation>Must change password at next login</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="164"/>
        <source>重新启用</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="164"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="192"/>
        <source>已添加账号：{0}（{1}）</source>
        <translation>Account added: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="203"/>
        <source>已重新启用：{0}</source>
        <translation>Enabled again: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="203"/>
        <source>已停用：{0}（此人不能再登录，历史记录保留）</source>
        <translation>Disabled: {0} (can no longer log in; history keeps the name)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="217"/>
        <source>已为 {0} 设置临时密码；本人下次登录时必须修改。</source>
        <translation>Temporary password set for {0}; they must change it at their next login.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="222"/>
        <source>您的密码已修改。</source>
        <translation>Your password has been changed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="239"/>
        <source>自动锁定已改为：{0}</source>
        <translation>Automatic lock changed to: {0}</translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="42"/>
        <source>账号</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="44"/>
        <source>每个人用自己的账号登录，所做的修改记在本人名下。账号不能删除，只能停用，以便历史记录保留姓名。</source>
        <translation>Everyone logs in with their own account, and their changes are recorded under their name. Accounts cannot be deleted, only disabled, so history keeps the names.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="47"/>
        <source>添加账号…</source>
        <translation>Add Account…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="48"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="49"/>
        <source>重置密码…</source>
        <translation>Reset Password…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="50"/>
        <source>修改我的密码…</source>
        <translation>Change My Password…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="51"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="82"/>
        <source>从不自动锁定</source>
        <translation>Never lock automatically</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="82"/>
        <source>{0} 分钟</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="83"/>
        <source>自动锁定</source>
        <translation>Automatic Lock</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="85"/>
        <source>无人操作</source>
        <translation>With nobody using it for</translation>
    </message>
    <message>
        <location filename="../../ui/pages/accounts_page.py" line="87"/>
        <source>后锁定屏幕，需要重新登录。</source>
        <translation>lock the screen and ask for a login again.</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="36"/>
        <location filename="../../ui/dialogs/account_dialogs.py" line="74"/>
        <source>添加账号</source>
        <translation>Add Account</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="37"/>
        <source>新员工</source>
        <translation>New staff member</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="38"/>
        <source>已有员工（已在工单上出现过）</source>
        <translation>Existing staff member (already on work orders)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="43"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="55"/>
        <source>登录时输入，不含空格</source>
        <translation>Typed at login, no spaces</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="57"/>
        <source>临时密码请当面告诉本人；本人第一次登录时必须改成自己的密码。</source>
        <translation>Tell the person the temporary password face to face; they must change it to their own at their first login.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="68"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="70"/>
        <source>登录名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="72"/>
        <source>临时密码</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/account_dialogs.py" line="75"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="102"/>
        <source>工作日按 chinese-calendar 节假日数据计算（数据到 {0} 年），每年需要升级一次。</source>
        <translation>Working days are counted with the chinese-calendar holiday data (covers up to {0}); update it once a year.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="119"/>
        <source>没有需要处理的提醒。</source>
        <translation>No alerts to deal with.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/models/audit_model.py" line="34"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="35"/>
        <source>修改</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="36"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="37"/>
        <source>结算</source>
        <translation>Settle</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="38"/>
        <source>更正</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="39"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="40"/>
        <source>冲销</source>
        <translation>Reverse</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="41"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="42"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="43"/>
        <source>登录失败</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="44"/>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="45"/>
        <source>用恢复码重设店主密码</source>
        <translation>Owner password reset with recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="46"/>
        <source>无权限被拒绝</source>
        <translation>Refused (no permission)</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="47"/>
        <location filename="../../ui/models/audit_model.py" line="81"/>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="48"/>
        <source>恢复备份</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="49"/>
        <source>启用新的审计密钥</source>
        <translation>New audit key started</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="55"/>
        <source>本店信息</source>
        <translation>Shop details</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="56"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="57"/>
        <source>员工/账号</source>
        <translation>Staff/account</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="58"/>
        <location filename="../../ui/models/audit_model.py" line="101"/>
        <source>车主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="59"/>
        <source>车辆</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="60"/>
        <source>工单</source>
        <translation>Work order</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="61"/>
        <location filename="../../ui/models/audit_model.py" line="112"/>
        <source>工时</source>
        <translation>Labour hours</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="62"/>
        <source>材料</source>
        <translation>Parts</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="63"/>
        <location filename="../../ui/models/audit_model.py" line="147"/>
        <source>其他费用</source>
        <translation>Other charges</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="64"/>
        <source>收款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="65"/>
        <source>确认的提醒</source>
        <translation>Confirmed warning</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="66"/>
        <source>本店配件编码</source>
        <translation>Shop part code</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="67"/>
        <source>维修履历</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="68"/>
        <source>保养提醒规则</source>
        <translation>Maintenance Reminder Rules</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="69"/>
        <source>保养提醒联系</source>
        <translation>Reminder contact</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="70"/>
        <source>疑似缺陷</source>
        <translation>Suspected Defects</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="71"/>
        <source>排放维修</source>
        <translation>Emissions repair</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="72"/>
        <source>事故维修</source>
        <translation>Accident Repair</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="73"/>
        <source>车主评价</source>
        <translation>Owner Ratings</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="74"/>
        <source>危废台账</source>
        <translation>Hazardous-Waste Ledger</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="75"/>
        <source>危废转移</source>
        <translation>Waste transfer</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="76"/>
        <source>收集单位</source>
        <translation>Licensed Collectors</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="77"/>
        <source>危废容器</source>
        <translation>Waste container</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="78"/>
        <source>权限</source>
        <translation>Permission</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="79"/>
        <source>审计日志</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="80"/>
        <source>审计密钥</source>
        <translation>Audit key</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="87"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="88"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="89"/>
        <source>启用</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="90"/>
        <source>登录名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="91"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="92"/>
        <source>恢复码</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="93"/>
        <source>须改密码</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="94"/>
        <location filename="../../ui/models/audit_model.py" line="95"/>
        <source>连续输错次数</source>
        <translation>Wrong passwords in a row</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="96"/>
        <source>锁定至</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="97"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="98"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="99"/>
        <source>车牌</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="100"/>
        <source>车架号</source>
        <translation>VIN</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="102"/>
        <source>车主电话</source>
        <translation>Owner phone</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="103"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="104"/>
        <source>送修里程</source>
        <translation>Intake mileage</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="105"/>
        <source>故障描述</source>
        <translation>Fault description</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="106"/>
        <source>结算清单编号</source>
        <translation>Settlement list no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="107"/>
        <source>结算时间</source>
        <translation>Settled at</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="108"/>
        <source>作废原因</source>
        <translation>Void reason</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="109"/>
        <source>版本</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="110"/>
        <source>已被更正</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="111"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="113"/>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="114"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="115"/>
        <source>设置项</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="116"/>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="117"/>
        <source>筛选条件</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="118"/>
        <source>上一个密钥</source>
        <translation>Previous key</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="119"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="120"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="121"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="122"/>
        <source>EHR 企业编码</source>
        <translation>EHR company code</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="123"/>
        <source>结算清单编号前缀</source>
        <translation>Settlement list no. prefix</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="124"/>
        <source>本地车牌省份</source>
        <translation>Local plate province</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="125"/>
        <source>默认工时单价</source>
        <translation>Default labour rate</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="126"/>
        <source>评价页地址</source>
        <translation>Rating page address</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="127"/>
        <source>品牌型号</source>
        <translation>Make/model</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="128"/>
        <source>出厂里程</source>
        <translation>Mileage out</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="129"/>
        <source>维修类别</source>
        <translation>Repair category</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="130"/>
        <source>工单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="131"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="132"/>
        <source>已校验</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="133"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="134"/>
        <source>第二备份位置副本</source>
        <translation>Second-folder copy</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="135"/>
        <source>文件夹</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="136"/>
        <source>完工时间</source>
        <translation>Completed at</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="137"/>
        <source>竣工出厂合格证编号</source>
        <translation>Completion certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="138"/>
        <source>送修时间</source>
        <translation>Intake time</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="139"/>
        <source>送修人</source>
        <translation>Brought in by</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="140"/>
        <source>送修人电话</source>
        <translation>Brought-in-by phone</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="141"/>
        <source>服务顾问编号</source>
        <translation>Advisor no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="142"/>
        <source>技师编号</source>
        <translation>Technician no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="143"/>
        <source>车辆编号</source>
        <translation>Vehicle no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="144"/>
        <source>工单编号</source>
        <translation>Work order no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="145"/>
        <source>工时费</source>
        <translation>Labour</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="146"/>
        <source>材料费</source>
        <translation>Parts</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="148"/>
        <source>优惠</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="149"/>
        <source>应付金额</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="150"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="151"/>
        <source>工时单价</source>
        <translation>Labour rate</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="152"/>
        <source>单价</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="153"/>
        <source>成本价</source>
        <translation>Cost price</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="154"/>
        <source>收款方式</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="155"/>
        <source>旧件处理</source>
        <translation>Old parts</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="156"/>
        <source>质保天数</source>
        <translation>Warranty days</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="157"/>
        <source>质保里程</source>
        <translation>Warranty km</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="158"/>
        <source>质保说明</source>
        <translation>Warranty text</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="159"/>
        <location filename="../../ui/models/audit_model.py" line="160"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="161"/>
        <source>配件编码</source>
        <translation>Part code</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="162"/>
        <source>品牌</source>
        <translation>Brand</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="163"/>
        <source>配件类型</source>
        <translation>Part category</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="164"/>
        <source>建立时间</source>
        <translation>Created at</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="165"/>
        <source>修改时间</source>
        <translation>Changed at</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="175"/>
        <source>密码错误</source>
        <translation>wrong password</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="176"/>
        <source>登录名不存在</source>
        <translation>unknown user name</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="177"/>
        <source>账号已锁定</source>
        <translation>account locked</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="178"/>
        <source>账号已停用</source>
        <translation>account disabled</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="184"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="186"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="186"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="222"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="250"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="250"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="251"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="251"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="252"/>
        <source>对象</source>
        <translation>Object</translation>
    </message>
    <message>
        <location filename="../../ui/models/audit_model.py" line="252"/>
        <source>内容（修改前 → 修改后）</source>
        <translation>Changes (before → after)</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="213"/>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="247"/>
        <source>已显示 {0} 条</source>
        <translation>{0} entries shown</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="248"/>
        <source>没有符合条件的记录。</source>
        <translation>No entries match.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="314"/>
        <source>……另有 {0} 处</source>
        <translation>…and {0} more</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="315"/>
        <source>这说明有人绕过扳手直接改动了数据库文件，或者文件已损坏。请不要再改动这台电脑上的数据，先复制一份数据文件夹留作证据，再联系技术支持；可以从改动之前的备份恢复。</source>
        <translation>This means someone changed the database file directly, bypassing Banshou, or the file is damaged. Make no further changes on this PC: first copy the data folder as evidence, then contact support; a backup from before the change can be restored.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="320"/>
        <source>查看第 {0} 条</source>
        <translation>Show Entry {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="324"/>
        <source>⚠ 已检查 {0} 条记录，但有一部分无法校验：</source>
        <translation>⚠ {0} entries checked, but some could not be verified:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="361"/>
        <source>审计日志-{0}.csv</source>
        <translation>audit-trail-{0}.csv</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="362"/>
        <source>导出审计日志</source>
        <translation>Export Audit Trail</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="363"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="372"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="384"/>
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="391"/>
        <source>无法写入文件：{0}</source>
        <translation>Cannot write the file: {0}</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="71"/>
        <source>审计日志</source>
        <translation>Audit Trail</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="73"/>
        <source>校验审计日志</source>
        <translation>Verify Audit Trail</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="74"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="83"/>
        <source>操作人姓名</source>
        <translation>Name of the person</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="86"/>
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="90"/>
        <source>全部对象</source>
        <translation>All objects</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="93"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="97"/>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="104"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="116"/>
        <source>已校验 %v / %m 条</source>
        <translation>%v / %m entries verified</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="134"/>
        <source>选中一条记录，这里显示修改前后的全部内容。</source>
        <translation>Select an entry to see everything it changed here.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="137"/>
        <source>加载更早的记录</source>
        <translation>Load Older Entries</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="177"/>
        <source>每日自动</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="177"/>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="177"/>
        <source>升级前</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="178"/>
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="182"/>
        <source>✔ 已校验</source>
        <translation>✔ Verified</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="182"/>
        <source>✖ 未通过</source>
        <translation>✖ Failed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="184"/>
        <source>本机</source>
        <translation>This PC</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="184"/>
        <source>第二备份位置</source>
        <translation>Second folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="185"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="185"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="215"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="216"/>
        <source>正在备份并校验，请稍候…</source>
        <translation>Backing up and verifying, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="224"/>
        <location filename="../../ui/pages/backup_page.py" line="243"/>
        <source>立即备份</source>
        <translation>Back Up Now</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="227"/>
        <source>✖ 备份没有通过校验，已删除这份不可靠的副本：{0}</source>
        <translation>✖ The backup failed verification and the unreliable copy was deleted: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="229"/>
        <source>✔ 备份完成并已校验：{0}（{1}）</source>
        <translation>✔ Backup made and verified: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="233"/>
        <source>✔ 已加密复制到第二备份位置：{0}</source>
        <translation>✔ Encrypted copy in the second folder: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="235"/>
        <source>⚠ 第二备份位置没有复制成功：{0}</source>
        <translation>⚠ The copy to the second folder failed: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="249"/>
        <source>选择第二备份位置</source>
        <translation>Choose the Second Backup Folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="261"/>
        <source>请先选择文件夹。</source>
        <translation>Choose a folder first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="272"/>
        <source>已保存：以后的每日和手动备份会加密复制到 {0}</source>
        <translation>Saved: from now on daily and manual backups are copied, encrypted, to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="279"/>
        <source>已停止使用第二备份位置；备份只保存在这台电脑上。</source>
        <translation>The second backup folder is no longer used; backups stay on this PC only.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="307"/>
        <source>选择备份文件</source>
        <translation>Choose a Backup File</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="308"/>
        <source>扳手备份 (*.db *.banshou-backup);;所有文件 (*)</source>
        <translation>Banshou backups (*.db *.banshou-backup);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="43"/>
        <source>共 {0} 行</source>
        <translation>{0} rows in total</translation>
    </message>
</context>
<context>
    <name>BackupView</name>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="50"/>
        <source>备份与恢复</source>
        <translation>Backup &amp; Restore</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="52"/>
        <source>扳手每天自动备份一次（保留最近 7 天、4 周和 12 个月），升级前和恢复前也会先备份；每份备份都会校验能否打开、数据是否完整。</source>
        <translation>Banshou backs up automatically once a day (keeping the last 7 days, 4 weeks and 12 months) and before every upgrade and restore; every backup is checked to open and to be complete.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="55"/>
        <source>立即备份</source>
        <translation>Back Up Now</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="67"/>
        <source>未设置：备份只保存在这台电脑上</source>
        <translation>Not set: backups stay on this PC only</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="68"/>
        <source>选择文件夹…</source>
        <translation>Choose Folder…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="70"/>
        <source>保存第二备份位置</source>
        <translation>Save Second Folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="71"/>
        <source>停止使用</source>
        <translation>Stop Using</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="76"/>
        <source>第二备份位置（U 盘或网络文件夹）</source>
        <translation>Second Backup Folder (USB Disk or Network Folder)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="79"/>
        <source>文件夹</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="80"/>
        <source>备份密码</source>
        <translation>Backup passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="81"/>
        <source>复制到这里的备份用备份密码加密。请把密码手写在恢复码那张纸上；电脑丢失或损坏时，只有这个密码能打开这些备份。只换文件夹时可以不填密码。</source>
        <translation>Backups copied here are encrypted with the backup passphrase. Write it by hand on the recovery-code sheet: if this PC is lost or broken, only this passphrase opens these backups. Leave it empty when only the folder changes.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="95"/>
        <source>备份时间</source>
        <translation>Made at</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="95"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="95"/>
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="95"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="96"/>
        <source>加密</source>
        <translation>Encrypted</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="96"/>
        <source>校验</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="107"/>
        <source>还没有备份。点“立即备份”做第一份。</source>
        <translation>No backups yet. Click &quot;Back Up Now&quot; to make the first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="109"/>
        <source>校验所选</source>
        <translation>Verify Selected</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="110"/>
        <source>用所选备份恢复…</source>
        <translation>Restore Selected…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="111"/>
        <source>从其他文件恢复…</source>
        <translation>Restore from Another File…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="112"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_page.py" line="119"/>
        <source>已有备份</source>
        <translation>Backups</translation>
    </message>
</context>
<context>
    <name>BusinessPanelView</name>
    <message>
        <location filename="../../ui/pages/dashboard_ops.py" line="111"/>
        <source>营业额（元）：工时 / 配件 / 其他</source>
        <translation>Revenue (¥): labour / parts / other</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ops.py" line="129"/>
        <source>统计粒度</source>
        <translation>Interval</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ops.py" line="132"/>
        <source>典型故障</source>
        <translation>Common faults</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ops.py" line="155"/>
        <source>仅含录入进价的配件</source>
        <translation>Only parts with a cost price entered</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../ui/dialogs/order_state_dialogs.py" line="95"/>
        <source>作废工单</source>
        <translation>Void Work Order</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_state_dialogs.py" line="97"/>
        <source>作废后这张工单（{0}，{1}）不能再修改或结算。请填写原因：</source>
        <translation>Once voided, this work order ({0}, {1}) can no longer be edited or settled. Enter a reason:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_state_dialogs.py" line="105"/>
        <source>例如：车主取消维修</source>
        <translation>e.g. owner cancelled the repair</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_state_dialogs.py" line="106"/>
        <source>确认作废</source>
        <translation>Void Order</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="88"/>
        <source>修改我的密码</source>
        <translation>Change My Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="96"/>
        <source>当前密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="98"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="100"/>
        <source>修改密码</source>
        <translation>Change Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="101"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="117"/>
        <source>新密码不能与当前密码相同。</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
</context>
<context>
    <name>CollectorsPanel</name>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="45"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="45"/>
        <location filename="../../ui/pages/waste_admin.py" line="57"/>
        <source>许可证编号</source>
        <translation>Licence no.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="45"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="45"/>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="46"/>
        <source>许可代码</source>
        <translation>Licensed codes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="46"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="46"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="48"/>
        <source>用逗号分隔，例如 900-214-08, 900-052-31</source>
        <translation>Separate with commas, e.g. 900-214-08, 900-052-31</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="51"/>
        <source>添加收集单位</source>
        <translation>Add Licensed Collector</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="56"/>
        <source>单位名称</source>
        <translation>Company name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="58"/>
        <source>许可证有效期至</source>
        <translation>Licence valid until</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="59"/>
        <source>许可的危废代码</source>
        <translation>Licensed waste codes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="60"/>
        <source>联系人/电话</source>
        <translation>Contact/phone</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <location filename="../../ui/dialogs/order_state_dialogs.py" line="44"/>
        <source>完工</source>
        <translation>Complete Work Order</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_state_dialogs.py" line="51"/>
        <source>不填则与送修里程相同（{0} 公里）</source>
        <translation>Same as intake ({0} km)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_state_dialogs.py" line="53"/>
        <source>公里</source>
        <translation>km</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_state_dialogs.py" line="60"/>
        <source>{0}必填</source>
        <translation>Required for {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_state_dialogs.py" line="60"/>
        <source>选填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_state_dialogs.py" line="64"/>
        <source>出厂日期</source>
        <translation>Completion date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_state_dialogs.py" line="65"/>
        <source>出厂里程</source>
        <translation>Mileage out</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_state_dialogs.py" line="66"/>
        <source>竣工出厂合格证编号</source>
        <translation>Completion certificate no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_state_dialogs.py" line="70"/>
        <source>确认完工</source>
        <translation>Mark Complete</translation>
    </message>
</context>
<context>
    <name>CompliancePanelView</name>
    <message>
        <location filename="../../ui/pages/dashboard_ops.py" line="45"/>
        <source>结算到接收的时长分布（单数）</source>
        <translation>Time from settlement to acceptance (orders)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ops.py" line="47"/>
        <source>点击上方数字查看明细</source>
        <translation>Click a number above to see the details</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ops.py" line="70"/>
        <source>{0}/{1} 单</source>
        <translation>{0}/{1} orders</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ops.py" line="71"/>
        <source>24小时内 {0}</source>
        <translation>Within 24 h: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ops.py" line="72"/>
        <location filename="../../ui/pages/dashboard_ops.py" line="74"/>
        <location filename="../../ui/pages/dashboard_ops.py" line="75"/>
        <source>单</source>
        <translation>orders</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ops.py" line="73"/>
        <source>需改正后重传</source>
        <translation>Correct and re-upload</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ops.py" line="77"/>
        <source>共 {0} 条</source>
        <translation>{0} records</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ops.py" line="82"/>
        <source>{0}：{1} 单</source>
        <translation>{0}: {1} orders</translation>
    </message>
</context>
<context>
    <name>ConfirmWarningsDialog</name>
    <message>
        <location filename="../../ui/widgets/warning_reasons.py" line="81"/>
        <source>请确认以下提醒</source>
        <translation>Please Confirm These Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/warning_reasons.py" line="84"/>
        <source>这些内容看起来可能有误。请先核对；确认无误的，填写原因后继续。</source>
        <translation>These entries may be wrong. Check them first; if they are correct, enter a reason and continue.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/warning_reasons.py" line="90"/>
        <source>确认并继续</source>
        <translation>Confirm and Continue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/warning_reasons.py" line="91"/>
        <source>返回修改</source>
        <translation>Go Back and Edit</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="137"/>
        <source>正在统计…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="162"/>
        <source>{0} 至 {1}</source>
        <translation>{0} to {1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="180"/>
        <source>已导入 {0} 条评价（{1} 条已对应工单，{2} 条以前已导入）</source>
        <translation>Imported {0} ratings ({1} matched to work orders, {2} imported before)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="186"/>
        <source>已请求获取新评价，稍后刷新</source>
        <translation>New ratings requested; refresh in a moment</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="204"/>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="209"/>
        <source>已导出 {0}</source>
        <translation>Exported {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="225"/>
        <source>月报 PDF</source>
        <translation>Monthly Report PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="228"/>
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="73"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="74"/>
        <source>导入评价…</source>
        <translation>Import Ratings…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="75"/>
        <source>获取新评价</source>
        <translation>Fetch New Ratings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="76"/>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="77"/>
        <source>月报 PDF</source>
        <translation>Monthly Report PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="81"/>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="93"/>
        <source>车主评价</source>
        <translation>Owner Ratings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="94"/>
        <source>回访与人员</source>
        <translation>Follow-ups and Staff</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="95"/>
        <source>上传合规</source>
        <translation>Upload Compliance</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="96"/>
        <source>经营分析</source>
        <translation>Business Analysis</translation>
    </message>
</context>
<context>
    <name>DbPrompts</name>
    <message>
        <location filename="../../ui/db_prompts.py" line="21"/>
        <source>共用数据库的结构比本机扳手 {0} 旧（{1} → {2}），需要升级后才能使用。

升级后，其他电脑上较旧的扳手将无法打开数据库，必须也升级扳手。请先让其他电脑退出扳手，并确认服务器上的备份是最新的。

现在升级数据库吗？（只应由店主确认）</source>
        <translation>The shared database has an older structure than Banshou {0} on this PC ({1} → {2}) and must be upgraded before it can be used.

Afterwards older Banshou on the other PCs cannot open the database until they are upgraded too. Close Banshou on the other PCs first and make sure the server&apos;s backup is up to date.

Upgrade the database now? (Only the owner should confirm this.)</translation>
    </message>
    <message>
        <location filename="../../ui/db_prompts.py" line="27"/>
        <source>升级共用数据库</source>
        <translation>Upgrade Shared Database</translation>
    </message>
</context>
<context>
    <name>DefectDialog</name>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="91"/>
        <source>登记疑似缺陷</source>
        <translation>Record Suspected Defect</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="93"/>
        <source>例如：制动总泵、电子节气门</source>
        <translation>e.g. brake master cylinder, electronic throttle</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="96"/>
        <source>检查过程、测量数据、故障码、判断依据</source>
        <translation>Inspection steps, measurements, fault codes, reasoning</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="101"/>
        <source>添加照片…</source>
        <translation>Add Photos…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="102"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="109"/>
        <source>故障部件</source>
        <translation>Faulty component</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="110"/>
        <source>故障现象</source>
        <translation>Symptom</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="111"/>
        <source>技术描述</source>
        <translation>Technical description</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="112"/>
        <source>检修技师</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="113"/>
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="124"/>
        <source>选择照片</source>
        <translation>Choose Photos</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="124"/>
        <source>照片 (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
</context>
<context>
    <name>DefectsPage</name>
    <message>
        <location filename="../../ui/pages/defects_page.py" line="187"/>
        <source>疑似缺陷</source>
        <translation>Suspected Defects</translation>
    </message>
    <message>
        <location filename="../../ui/pages/defects_page.py" line="187"/>
        <source>排放维修（M站）</source>
        <translation>Emissions Repair (M Station)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/defects_page.py" line="187"/>
        <source>事故维修</source>
        <translation>Accident Repair</translation>
    </message>
</context>
<context>
    <name>EhrSettingsPage</name>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="132"/>
        <source>正在连接……</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="141"/>
        <source>（服务器时间 {0}）</source>
        <translation> (server time {0})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="143"/>
        <source> 本机时钟与服务器相差 {0} 分钟，请校准电脑时间。</source>
        <translation> This computer&apos;s clock is {0} min off the server&apos;s; please correct the time.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="169"/>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>EhrSettingsView</name>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="39"/>
        <source>电子健康档案连接</source>
        <translation>EHR Connection</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="42"/>
        <source>结算后的维修记录会自动上传到这里选择的省级系统。未设置正式省份前，扳手处于培训模式，记录只上传到本机的模拟服务器。</source>
        <translation>Settled repair records are uploaded automatically to the provincial system chosen here. Until a real province is set up, Banshou runs in training mode and uploads only to a simulated server on this computer.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="56"/>
        <source>省级系统地址，如 https://…（以所在省的接入指南为准）</source>
        <translation>Provincial system address, e.g. https://… (see your province&apos;s connection guide)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="58"/>
        <source>15 位企业编码（companycode）</source>
        <translation>15-digit company code (companycode)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="61"/>
        <source>留空则保持已保存的密码</source>
        <translation>Leave blank to keep the saved password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="62"/>
        <source>省份配置</source>
        <translation>Province profile</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="63"/>
        <source>接口地址</source>
        <translation>Service address</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="64"/>
        <source>企业编码</source>
        <translation>Company code</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="65"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="68"/>
        <source>测试连接</source>
        <translation>Test Connection</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ehr_settings_page.py" line="69"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>EmissionsDialog</name>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="139"/>
        <source>排放维修（M站）记录</source>
        <translation>Emissions Repair (M Station) Record</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="141"/>
        <source>检测站出具的不合格检验报告编号</source>
        <translation>No. of the failed test report issued by the inspection station</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="150"/>
        <source>其他不合格项目（可选）</source>
        <translation>Other failed items (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="160"/>
        <source>检验报告编号</source>
        <translation>Test report no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="161"/>
        <source>不合格项目</source>
        <translation>Failed items</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="163"/>
        <source>故障诊断</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="164"/>
        <source>维修措施</source>
        <translation>Repair performed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="165"/>
        <source>复检结果</source>
        <translation>Retest result</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="166"/>
        <source>复检报告编号</source>
        <translation>Retest report no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="167"/>
        <source>复检日期</source>
        <translation>Retest date</translation>
    </message>
</context>
<context>
    <name>FeeModel</name>
    <message>
        <location filename="../../ui/models/line_models.py" line="215"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="215"/>
        <source>金额(元)</source>
        <translation>Amount (¥)</translation>
    </message>
</context>
<context>
    <name>FieldMessage</name>
    <message>
        <location filename="../../ui/widgets/form_helpers.py" line="90"/>
        <source>⚠ 提醒：</source>
        <translation>⚠ Warning:</translation>
    </message>
</context>
<context>
    <name>FollowupPanel</name>
    <message>
        <location filename="../../ui/pages/dashboard_ratings.py" line="111"/>
        <source>回访记录：联系了谁、结果如何</source>
        <translation>Follow-up note: who was contacted and the outcome</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ratings.py" line="112"/>
        <source>保存记录</source>
        <translation>Save Note</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ratings.py" line="113"/>
        <source>关闭回访</source>
        <translation>Close Follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ratings.py" line="123"/>
        <source>需回访（任一维度 ≤ 3 分）</source>
        <translation>Follow-up needed (any score ≤ 3)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ratings.py" line="129"/>
        <source>技师与服务顾问（本期评价的平均分；少于 5 条评价不参与排名）</source>
        <translation>Technicians and service advisors (average rating this period; fewer than 5 ratings are not ranked)</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="197"/>
        <source>接车信息</source>
        <translation>Intake Details</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="202"/>
        <source>公里（结算前必须填写）</source>
        <translation>km (needed to settle)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="212"/>
        <source>车主描述的故障现象，输入关键字可选常见描述</source>
        <translation>Fault as described by the owner; type a keyword to pick a common description</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="221"/>
        <source>送修日期</source>
        <translation>Intake date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="222"/>
        <source>送修里程</source>
        <translation>Intake mileage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="224"/>
        <source>送修人</source>
        <translation>Brought in by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="225"/>
        <source>送修人电话</source>
        <translation>Brought-in-by phone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="226"/>
        <source>故障描述</source>
        <translation>Fault description</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="227"/>
        <source>维修类别</source>
        <translation>Repair category</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="228"/>
        <source>工时定额执行标准</source>
        <translation>Labour-hour standard</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="229"/>
        <source>服务顾问</source>
        <translation>Service advisor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="239"/>
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="247"/>
        <source>同车主 {0}</source>
        <translation>Same as owner: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="247"/>
        <location filename="../../ui/pages/intake_forms.py" line="248"/>
        <source>同车主</source>
        <translation>Same as owner</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="252"/>
        <source>上次里程：无记录</source>
        <translation>Last mileage: no record</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="254"/>
        <source>上次里程：{0} 公里{1}</source>
        <translation>Last mileage: {0} km{1}</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../ui/pages/intake_page.py" line="115"/>
        <location filename="../../ui/pages/intake_page.py" line="172"/>
        <source>输入至少 2 个字符开始查找</source>
        <translation>Type at least 2 characters to search</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_page.py" line="125"/>
        <source>请先在左侧选择车辆，或点“新车登记”。</source>
        <translation>Select a vehicle on the left first, or click &quot;Register Vehicle&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_page.py" line="174"/>
        <source>正在查找…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_page.py" line="185"/>
        <source>找到 {0} 辆车。↓ 选择，Enter 选第一辆</source>
        <translation>{0} vehicle(s) found. ↓ to choose, Enter for the first</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_page.py" line="188"/>
        <source>没有找到“{0}”。请核对后再查；确实是新车，点“新车登记”（Alt+N）。</source>
        <translation>No match for &quot;{0}&quot;. Check and search again; if it really is a new vehicle, click &quot;Register Vehicle&quot; (Alt+N).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_page.py" line="217"/>
        <source>&lt;b style=&apos;font-size:16pt&apos;&gt;{0}&lt;/b&gt;&#x3000;{1}&lt;br&gt;车主 {2}&#x3000;{3}&lt;br&gt;VIN {4}&#x3000;来店 {5} 次</source>
        <translation>&lt;b style=&apos;font-size:16pt&apos;&gt;{0}&lt;/b&gt;&#x3000;{1}&lt;br&gt;Owner {2}&#x3000;{3}&lt;br&gt;VIN {4}&#x3000;Visits: {5}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_page.py" line="286"/>
        <source>正在登记车辆…</source>
        <translation>Registering vehicle…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_page.py" line="313"/>
        <source>正在开单…</source>
        <translation>Opening work order…</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <location filename="../../ui/pages/intake_view.py" line="53"/>
        <source>查找车辆：车牌的一部分、车架号后几位或手机号</source>
        <translation>Find vehicle: part of the plate, last digits of the VIN, or mobile no.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_view.py" line="61"/>
        <source>新车登记(&amp;N)</source>
        <translation>Register &amp;New Vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_view.py" line="62"/>
        <source>搜索不到这辆车时再登记新车（Alt+N）</source>
        <translation>Register a new vehicle only if the search cannot find it (Alt+N)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_view.py" line="63"/>
        <source>最近来店记录</source>
        <translation>Recent Visits</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_view.py" line="66"/>
        <source>双击未结算的记录可以直接打开那张工单</source>
        <translation>Double-click an unsettled visit to open its work order</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_view.py" line="68"/>
        <source>先在左侧搜索这辆车。
找不到再点“新车登记”，避免同一辆车登记两次。</source>
        <translation>Search for the vehicle on the left first.
Only if it is not found, click &quot;Register Vehicle&quot;, so the same vehicle is not registered twice.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_view.py" line="79"/>
        <source>开单 (Ctrl+Enter)</source>
        <translation>Open Work Order (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>LabourModel</name>
    <message>
        <location filename="../../ui/models/line_models.py" line="59"/>
        <source>维修项目</source>
        <translation>Repair item</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="59"/>
        <source>输入关键字选择常用项目，自动带出工时</source>
        <translation>Type a keyword to pick a common item; labour hours are filled in</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="60"/>
        <source>工时</source>
        <translation>Labour hours</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="60"/>
        <source>结算工时，最多 1 位小数</source>
        <translation>Labour hours charged, up to 1 decimal place</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="61"/>
        <source>单价(元/工时)</source>
        <translation>Rate (¥/h)</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="62"/>
        <source>金额(元)</source>
        <translation>Amount (¥)</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="63"/>
        <source>维修技师</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="74"/>
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
</context>
<context>
    <name>LineSection</name>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="43"/>
        <source>＋ 添加一行</source>
        <translation>＋ Add Row</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="44"/>
        <source>添加一行（Insert）</source>
        <translation>Add a row (Insert)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="46"/>
        <source>－ 删除所选</source>
        <translation>－ Delete Selected</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="47"/>
        <source>删除所选行（Ctrl+Delete）</source>
        <translation>Delete the selected rows (Ctrl+Delete)</translation>
    </message>
</context>
<context>
    <name>LineTableModel</name>
    <message>
        <location filename="../../ui/models/line_table.py" line="185"/>
        <source>第 {0} 行“{1}”：{2}</source>
        <translation>Row {0} &quot;{1}&quot;: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_table.py" line="314"/>
        <source>请填写数字，例如 1.5</source>
        <translation>Enter a number, e.g. 1.5</translation>
    </message>
</context>
<context>
    <name>LiveRefresh</name>
    <message>
        <location filename="../../ui/live_refresh.py" line="92"/>
        <source>其他电脑有新的修改，按 F5 刷新列表</source>
        <translation>Another PC changed the data; press F5 to refresh the list</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="68"/>
        <source>扳手 — 登录</source>
        <translation>Banshou — Log In</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="68"/>
        <source>扳手 — 已锁定</source>
        <translation>Banshou — Locked</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="87"/>
        <source>扳手</source>
        <translation>Banshou</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="89"/>
        <source>屏幕已锁定（{0}）。请重新输入密码，或换人登录。</source>
        <translation>The screen is locked ({0}). Enter the password again, or log in as someone else.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="90"/>
        <source>请登录。</source>
        <translation>Please log in.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="92"/>
        <source>请输入您的登录名和密码。</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="97"/>
        <location filename="../../ui/dialogs/login_dialog.py" line="263"/>
        <source>登录</source>
        <translation>Log In</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="100"/>
        <source>忘记店主密码…</source>
        <translation>Forgot the Owner&apos;s Password…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="104"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="104"/>
        <source>退出扳手</source>
        <translation>Quit Banshou</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="107"/>
        <source>登录名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="108"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="127"/>
        <source>请设置您自己的密码</source>
        <translation>Set Your Own Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="128"/>
        <source>这是新账号，或者店主刚为您重置了密码。请设置一个只有您自己知道的新密码，以后用它登录。</source>
        <translation>This is a new account, or the owner has just reset your password. Set a new password only you know, and use it to log in from now on.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="134"/>
        <source>保存新密码并进入</source>
        <translation>Save and Continue</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="136"/>
        <location filename="../../ui/dialogs/login_dialog.py" line="168"/>
        <source>返回登录</source>
        <translation>Back to Login</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="139"/>
        <location filename="../../ui/dialogs/login_dialog.py" line="173"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="156"/>
        <source>用恢复码重设店主密码</source>
        <translation>Reset the Owner&apos;s Password with the Recovery Code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="157"/>
        <source>需要建立店主账号时打印（或抄写）的恢复码。输入店主的登录名、纸上的恢复码和新密码。恢复码用过一次就作废，接下来会显示新的恢复码。员工忘记密码请找店主重置。</source>
        <translation>You need the recovery code printed (or copied) when the owner&apos;s account was created. Enter the owner&apos;s user name, the code on the paper and a new password. The code works once; a new one is shown next. Staff who forgot their password ask the owner to reset it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="166"/>
        <source>重设店主密码</source>
        <translation>Reset Owner&apos;s Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="171"/>
        <source>店主登录名</source>
        <translation>Owner&apos;s user name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="172"/>
        <source>恢复码</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="191"/>
        <source>店主密码已重设。这是新的恢复码</source>
        <translation>The owner&apos;s password has been reset. This is the new recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="192"/>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="247"/>
        <source>请输入登录名。</source>
        <translation>Enter the user name.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="251"/>
        <source>请输入密码。</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="263"/>
        <source>正在验证…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="307"/>
        <source>新密码不能与临时密码相同。</source>
        <translation>The new password must differ from the temporary one.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/login_dialog.py" line="348"/>
        <source>请输入店主登录名和恢复码。</source>
        <translation>Enter the owner&apos;s user name and the recovery code.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <source>扳手 — 汽车维修管理</source>
        <translation>Banshou — Car Repair Management</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <source>（演示数据）</source>
        <translation> (demo data)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127"/>
        <source>接车</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>工单</source>
        <translation>Work Orders</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>工单详情/结算</source>
        <translation>Order Detail</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>新建接车(&amp;N)</source>
        <translation>&amp;New Intake</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>查找工单(&amp;F)</source>
        <translation>&amp;Find Work Order</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159"/>
        <source>工单(&amp;O)</source>
        <translation>Work &amp;Orders</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>关于扳手(&amp;A)</source>
        <translation>&amp;About Banshou</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <location filename="../../ui/main_window.py" line="266"/>
        <source>未设置维修企业</source>
        <translation>Repair shop not set up</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>培训模式</source>
        <translation>Training mode</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>尚未配置省级电子健康档案系统：记录只上传到内置的练习服务器。</source>
        <translation>The provincial EHR system is not configured yet: records are uploaded only to the built-in practice server.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>待上传 …</source>
        <translation>Queued …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>有未保存的修改</source>
        <translation>Unsaved Changes</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>当前工单有未保存的修改。先保存吗？
选“不保存”将丢弃这些修改。</source>
        <translation>The current work order has unsaved changes. Save them first?
&quot;Don&apos;t Save&quot; discards the changes.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="255"/>
        <source>关于扳手</source>
        <translation>About Banshou</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257"/>
        <source>扳手 Banshou — 汽车维修企业前台与电子健康档案上传。

界面字体：文泉驿微米黑 (WenQuanYi Micro Hei)，Apache-2.0 或 GPL-3+（含字体例外）许可；如系统已安装 Noto Sans CJK SC 则优先使用。</source>
        <translation>Banshou (扳手) — front desk and EHR upload for car repair shops.

Interface font: WenQuanYi Micro Hei, licensed under Apache-2.0 or GPL-3+ (with font exception); Noto Sans CJK SC is used instead when installed on the system.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="286"/>
        <source>待上传 {0}</source>
        <translation>Queued {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source> · 被退回 {0}</source>
        <translation> · Rejected {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>待上传 {0}，上传中 {1}，已接收 {2}，被退回 {3}</source>
        <translation>Queued {0}, sending {1}, accepted {2}, rejected {3}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>最早一条已等待 {0}</source>
        <translation>Oldest has waited {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="301"/>
        <source>待上传 ?</source>
        <translation>Queued ?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>暂时无法读取上传队列：{0}</source>
        <translation>Cannot read the upload queue right now: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>{0} 分钟</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="309"/>
        <source>{0} 小时</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310"/>
        <source>{0} 天</source>
        <translation>{0} days</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_page.py" line="254"/>
        <source>经营看板</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="176"/>
        <source>维修履历</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="177"/>
        <source>保养提醒</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="178"/>
        <source>缺陷与专项</source>
        <translation>Defects etc.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_page.py" line="95"/>
        <source>危废台账</source>
        <translation>Haz. Waste</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_page.py" line="104"/>
        <source>危废提醒 {0}</source>
        <translation>Waste alerts {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_page.py" line="104"/>
        <source>危废正常</source>
        <translation>Waste OK</translation>
    </message>
    <message>
        <location filename="../../ui/sync_wiring.py" line="35"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/sync_wiring.py" line="36"/>
        <source>电子健康档案</source>
        <translation>EHR</translation>
    </message>
    <message>
        <location filename="../../ui/sync_wiring.py" line="55"/>
        <source>（培训模式）</source>
        <translation> (training mode)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_wiring.py" line="57"/>
        <source>培训模式：记录只上传到本机模拟服务器</source>
        <translation>Training mode: records are uploaded only to the simulated server on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="379"/>
        <source>账号</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="380"/>
        <source>审计日志</source>
        <translation>Audit Trail</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="386"/>
        <source>备份与恢复</source>
        <translation>Backups</translation>
    </message>
</context>
<context>
    <name>OrderEditorPage</name>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="108"/>
        <source>正在打开工单…</source>
        <translation>Opening work order…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="159"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="163"/>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="206"/>
        <source>{0}（已被更正）</source>
        <translation>{0} (corrected)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="208"/>
        <source>第 {0} 版</source>
        <translation>Revision {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="209"/>
        <source>结算清单编号：{0}</source>
        <translation>Settlement list no.: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="210"/>
        <source>{0} 公里</source>
        <translation>{0} km</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="210"/>
        <source>未填里程</source>
        <translation>Mileage not entered</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="212"/>
        <source>车主 {0} {1} · {2} · VIN {3} · 送修 {4} · {5} · {6} · 服务顾问 {7}</source>
        <translation>Owner {0} {1} · {2} · VIN {3} · In {4} · {5} · {6} · Advisor {7}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="223"/>
        <source>故障描述：{0}</source>
        <translation>Fault description: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="274"/>
        <source>有未保存的修改（Ctrl+S 保存）</source>
        <translation>Unsaved changes (Ctrl+S to save)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="309"/>
        <source>正在更新…</source>
        <translation>Updating…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="321"/>
        <source>正在保存完工信息…</source>
        <translation>Saving completion details…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="331"/>
        <source>正在作废…</source>
        <translation>Voiding…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="356"/>
        <source>已结算，结算清单编号 {0}</source>
        <translation>Settled, settlement list no. {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="380"/>
        <source>已生成第 {0} 版，修改后重新结算</source>
        <translation>Revision {0} created; edit it and settle again</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor.py" line="382"/>
        <source>正在生成更正版本…</source>
        <translation>Creating correction revision…</translation>
    </message>
</context>
<context>
    <name>OrderEditorView</name>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="119"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="120"/>
        <source>开始维修</source>
        <translation>Start Repair</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="121"/>
        <source>完工</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="122"/>
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="123"/>
        <source>结算</source>
        <translation>Settle</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="124"/>
        <source>打印/预览</source>
        <translation>Print/Preview</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="125"/>
        <source>更正</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="128"/>
        <source>工时</source>
        <translation>Labour</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="129"/>
        <source>材料</source>
        <translation>Parts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="130"/>
        <source>其他费用</source>
        <translation>Other charges</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="61"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="62"/>
        <source>维修中</source>
        <translation>In repair</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="63"/>
        <source>已完工</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="64"/>
        <source>已结算</source>
        <translation>Settled</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="65"/>
        <source>已作废</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="72"/>
        <source>待上传</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="73"/>
        <source>上传中</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="74"/>
        <source>已接收</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="75"/>
        <source>被退回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="76"/>
        <source>已更正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="82"/>
        <source>工单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="83"/>
        <source>车牌</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="84"/>
        <source>车主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="85"/>
        <source>送修时间</source>
        <translation>Intake time</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="86"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="87"/>
        <source>应付金额</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="88"/>
        <source>结算清单编号</source>
        <translation>Settlement list no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="89"/>
        <source>上传</source>
        <translation>Upload</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="202"/>
        <source>车架号：{0}</source>
        <translation>VIN: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/models/order_list_model.py" line="209"/>
        <source>{0}（第{1}版）</source>
        <translation>{0} (rev. {1})</translation>
    </message>
</context>
<context>
    <name>OrderPicker</name>
    <message>
        <location filename="../../ui/dialogs/owner_common.py" line="103"/>
        <source>车牌、结算清单编号、车主或电话</source>
        <translation>Plate, settlement list no., owner or phone</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../ui/pages/orders_page.py" line="201"/>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/orders_page.py" line="223"/>
        <source>还没有工单。按 Ctrl+N 接车。</source>
        <translation>No work orders yet. Press Ctrl+N for a new intake.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/orders_page.py" line="225"/>
        <source>没有符合条件的工单。请修改查找内容或筛选条件。</source>
        <translation>No work orders match. Change the search text or filters.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/orders_page.py" line="231"/>
        <source>共 {0} 张工单</source>
        <translation>{0} work orders</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../ui/pages/orders_page.py" line="98"/>
        <source>查找：车牌、结算清单编号、车架号尾号、车主或电话 (Ctrl+F)</source>
        <translation>Find: plate, settlement list no., end of VIN, owner or phone (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/orders_page.py" line="101"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../ui/pages/orders_page.py" line="104"/>
        <source>送修日期</source>
        <translation>Intake date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/orders_page.py" line="115"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/orders_page.py" line="129"/>
        <source>双击或按 Enter 打开工单</source>
        <translation>Double-click or press Enter to open a work order</translation>
    </message>
</context>
<context>
    <name>OwnerAccountForm</name>
    <message>
        <location filename="../../ui/dialogs/owner_setup_dialog.py" line="44"/>
        <source>建立店主账号</source>
        <translation>Create the Owner&apos;s Account</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_setup_dialog.py" line="47"/>
        <source>这一版扳手开始使用账号：每个人用自己的登录名和密码登录，所做的修改都记在本人名下。已有的工单和数据都保留。请先建立您（店主）自己的账号，之后在“账号”页为员工添加账号。</source>
        <translation>From this version on Banshou uses accounts: everyone logs in with their own user name and password, and their changes are recorded under their name. All existing work orders and data are kept. First create your own (owner&apos;s) account, then add accounts for your staff on the &quot;Accounts&quot; page.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_setup_dialog.py" line="50"/>
        <source>每个人用自己的登录名和密码登录扳手，所做的修改都记在本人名下。请先建立您（店主）自己的账号，之后在“账号”页为员工添加账号。</source>
        <translation>Everyone logs in to Banshou with their own user name and password, and their changes are recorded under their name. First create your own (owner&apos;s) account, then add accounts for your staff on the &quot;Accounts&quot; page.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_setup_dialog.py" line="54"/>
        <source>例如：张建国</source>
        <translation>e.g. Zhang Jianguo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_setup_dialog.py" line="55"/>
        <source>登录时输入，不含空格，例如 zhang</source>
        <translation>Typed at login, no spaces, e.g. zhang</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_setup_dialog.py" line="63"/>
        <source>店主姓名</source>
        <translation>Owner&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_setup_dialog.py" line="65"/>
        <source>登录名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_setup_dialog.py" line="67"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>OwnerSetupDialog</name>
    <message>
        <location filename="../../ui/dialogs/owner_setup_dialog.py" line="87"/>
        <source>欢迎使用扳手 — 建立店主账号</source>
        <translation>Welcome to Banshou — Create the Owner&apos;s Account</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_setup_dialog.py" line="96"/>
        <location filename="../../ui/dialogs/owner_setup_dialog.py" line="154"/>
        <source>建立账号</source>
        <translation>Create Account</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_setup_dialog.py" line="98"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_setup_dialog.py" line="99"/>
        <source>继续，开始使用</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_setup_dialog.py" line="137"/>
        <source>正在建立…</source>
        <translation>Creating…</translation>
    </message>
</context>
<context>
    <name>PartModel</name>
    <message>
        <location filename="../../ui/models/line_models.py" line="124"/>
        <source>材料名称</source>
        <translation>Part name</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="124"/>
        <source>输入关键字选择常用材料，自动带出单位和参考价</source>
        <translation>Type a keyword to pick a common part; unit and reference price are filled in</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="125"/>
        <source>配件编码</source>
        <translation>Part code</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="125"/>
        <source>原厂或品牌编码；不填则自动生成本店编码</source>
        <translation>OEM or brand code; left blank, a shop code is generated</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="126"/>
        <source>品牌</source>
        <translation>Brand</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="127"/>
        <source>配件类型</source>
        <translation>Part category</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="128"/>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="128"/>
        <source>大于 0，最多 2 位小数</source>
        <translation>Greater than 0, up to 2 decimal places</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="129"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="130"/>
        <source>单价(元)</source>
        <translation>Unit price (¥)</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="131"/>
        <source>金额(元)</source>
        <translation>Amount (¥)</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="132"/>
        <source>自备</source>
        <translation>Cust.</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="132"/>
        <source>托修方自备配件</source>
        <translation>Part supplied by the customer</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="133"/>
        <source>成本价</source>
        <translation>Cost price</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="133"/>
        <source>选填，仅本店可见，不打印</source>
        <translation>Optional; only visible in the shop, never printed</translation>
    </message>
    <message>
        <location filename="../../ui/models/line_models.py" line="148"/>
        <source>（自动编号）</source>
        <translation>(auto-numbered)</translation>
    </message>
</context>
<context>
    <name>PasswordPair</name>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="41"/>
        <source>至少 {0} 个字符</source>
        <translation>At least {0} characters</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="42"/>
        <source>再输入一次</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="64"/>
        <source>两次输入的密码不一致，请重新输入。</source>
        <translation>The two entries differ; please type them again.</translation>
    </message>
</context>
<context>
    <name>PaymentRow</name>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="51"/>
        <source>删除这种收款方式</source>
        <translation>Remove this payment method</translation>
    </message>
</context>
<context>
    <name>PaymentRows</name>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="75"/>
        <source>＋ 添加收款方式</source>
        <translation>＋ Add Payment Method</translation>
    </message>
</context>
<context>
    <name>PlateEdit</name>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="106"/>
        <source>省▾</source>
        <translation>Prov.▾</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="107"/>
        <source>选择省份简称或末位字（F4）</source>
        <translation>Choose the province abbreviation or final character (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="110"/>
        <source>如 沪A12345</source>
        <translation>e.g. 沪A12345</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="111"/>
        <source>字母自动大写，空格、点和横线自动去掉；F4 选择省份</source>
        <translation>Letters are capitalised; spaces, dots and dashes are removed; F4 chooses the province</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="116"/>
        <source>号牌颜色：按车牌位数自动建议，可以修改</source>
        <translation>Plate colour: suggested from the plate length; can be changed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="209"/>
        <source>还差 {0} 位</source>
        <translation>{0} more character(s)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="211"/>
        <source>格式待核对</source>
        <translation>Check the format</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="226"/>
        <source>普通车牌 · 7位</source>
        <translation>Standard plate · 7 chars</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="227"/>
        <source>新能源 · 8位（小型车）</source>
        <translation>New energy · 8 chars (small vehicle)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="228"/>
        <source>新能源 · 8位（大型车）</source>
        <translation>New energy · 8 chars (large vehicle)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="229"/>
        <source>挂车号牌</source>
        <translation>Trailer plate</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="230"/>
        <source>教练车号牌</source>
        <translation>Driving-school plate</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="231"/>
        <source>警用号牌</source>
        <translation>Police plate</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="232"/>
        <source>港澳入出境车（港）</source>
        <translation>Cross-border vehicle (Hong Kong)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="233"/>
        <source>港澳入出境车（澳）</source>
        <translation>Cross-border vehicle (Macao)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="234"/>
        <source>使馆号牌</source>
        <translation>Embassy plate</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="235"/>
        <source>领馆号牌</source>
        <translation>Consulate plate</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="117"/>
        <source>结算清单 — 打印预览</source>
        <translation>Settlement List — Print Preview</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="124"/>
        <source>A4 纵向</source>
        <translation>A4 portrait</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="125"/>
        <source>241 mm 连续纸（针式打印机）</source>
        <translation>241 mm continuous paper (dot-matrix printer)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="127"/>
        <source>打印 (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="129"/>
        <source>另存为 (Ctrl+Shift+S)</source>
        <translation>Save As (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="131"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="146"/>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="169"/>
        <source>正在生成结算清单…</source>
        <translation>Generating settlement list…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="188"/>
        <source>共 {0} 页</source>
        <translation>{0} page(s)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="190"/>
        <source>已自动保存到 {0}</source>
        <translation>Saved automatically to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="192"/>
        <source>自动保存失败：{0}。可以用“另存为”保存。</source>
        <translation>Automatic save failed: {0}. Use &quot;Save As&quot; to save it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="220"/>
        <source>保存失败：{0}</source>
        <translation>Save failed: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="222"/>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="240"/>
        <source>已发送 {0} 页到打印机</source>
        <translation>Sent {0} page(s) to the printer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="245"/>
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/print_preview.py" line="245"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ProvincePicker</name>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="48"/>
        <source>省份简称</source>
        <translation>Province abbreviations</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/plate_edit.py" line="50"/>
        <source>末位字（领馆、挂车、教练车、警车、港澳车）</source>
        <translation>Final character (consulate, trailer, driving school, police, HK/Macao)</translation>
    </message>
</context>
<context>
    <name>RatingsImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/ratings_import_dialog.py" line="32"/>
        <source>导入评价（省平台导出文件）</source>
        <translation>Import Ratings (Provincial Platform Export)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ratings_import_dialog.py" line="39"/>
        <source>选择文件…</source>
        <translation>Choose File…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ratings_import_dialog.py" line="40"/>
        <source>支持 .csv 和 .xlsx；列名按省份配置对应（默认上海平台字段名）。</source>
        <translation>Accepts .csv and .xlsx; columns are mapped by the province profile (Shanghai platform field names by default).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ratings_import_dialog.py" line="52"/>
        <source>全部导入</source>
        <translation>Import All</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ratings_import_dialog.py" line="61"/>
        <source>错误（有错误时不导入任何一行）</source>
        <translation>Errors (if there are any, no row is imported)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ratings_import_dialog.py" line="69"/>
        <source>选择评价导出文件</source>
        <translation>Choose Ratings Export File</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ratings_import_dialog.py" line="70"/>
        <source>评价导出 (*.csv *.xlsx)</source>
        <translation>Ratings export (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ratings_import_dialog.py" line="76"/>
        <source>正在读取…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ratings_import_dialog.py" line="85"/>
        <source>第 {0} 行：{1}</source>
        <translation>Row {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/ratings_import_dialog.py" line="87"/>
        <source>{0} 行可导入（其中 {1} 条以前已导入，将跳过），{2} 行有错误。</source>
        <translation>{0} row(s) can be imported ({1} imported before will be skipped); {2} row(s) have errors.</translation>
    </message>
</context>
<context>
    <name>RatingsPanel</name>
    <message>
        <location filename="../../ui/pages/dashboard_ratings.py" line="52"/>
        <source>月度趋势（各维度平均分）</source>
        <translation>Monthly trend (average per dimension)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ratings.py" line="54"/>
        <source>评分分布（星级 × 次数）</source>
        <translation>Rating distribution (stars × count)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ratings.py" line="65"/>
        <source>评分最低的工单</source>
        <translation>Lowest-rated work orders</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ratings.py" line="73"/>
        <source>综合评分</source>
        <translation>Overall rating</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ratings.py" line="80"/>
        <source>{0} 条评价</source>
        <translation>{0} ratings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard_ratings.py" line="81"/>
        <source>较上期</source>
        <translation>vs. previous period</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="61"/>
        <source>工单</source>
        <translation>Work order</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_record_dialogs.py" line="79"/>
        <source>请先在上面找到并选择工单。</source>
        <translation>Find and select a work order above first.</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <location filename="../../ui/pages/defects_page.py" line="150"/>
        <source>共 {0} 条</source>
        <translation>{0} records</translation>
    </message>
    <message>
        <location filename="../../ui/pages/defects_page.py" line="153"/>
        <source>提示：{0} 的“{1}”近一年已在 {2} 辆车上出现（{3} 例），建议向生产企业和市场监管部门报告。</source>
        <translation>Note: &quot;{1}&quot; on {0} has appeared on {2} vehicles in the past year ({3} cases); consider reporting it to the manufacturer and the market regulator.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/defects_page.py" line="178"/>
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePanel</name>
    <message>
        <location filename="../../ui/dialogs/recovery_code.py" line="63"/>
        <source>请抄写或打印店主恢复码</source>
        <translation>Copy or Print the Owner&apos;s Recovery Code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code.py" line="79"/>
        <source>忘记店主密码时，只有这个恢复码能重新设置密码（登录窗口的“忘记店主密码”）。请打印出来或工整抄写，锁在抽屉或保险柜里；不要拍照，不要存在电脑或手机里。恢复码只显示这一次，程序里不保存原文。</source>
        <translation>If the owner&apos;s password is forgotten, only this code can reset it (&quot;Forgot the owner&apos;s password&quot; in the login window). Print it or copy it neatly and lock it in a drawer or safe; do not photograph it or keep it on a computer or phone. It is shown only this once; the program does not keep it.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code.py" line="84"/>
        <source>打印的纸上还留有一行，用来手写备份加密口令（设置第二备份位置时用），两样东西放在一起保管。</source>
        <translation>The printed sheet has a line for writing the backup passphrase by hand (used for the second backup folder); keep both together.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code.py" line="87"/>
        <source>打印恢复码…</source>
        <translation>Print Recovery Code…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code.py" line="91"/>
        <source>我已抄写或打印恢复码，并会妥善保管</source>
        <translation>I have copied or printed the recovery code and will keep it safe</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code.py" line="130"/>
        <source>正在准备打印…</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code.py" line="141"/>
        <source>店主恢复码</source>
        <translation>Owner recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/recovery_code.py" line="145"/>
        <source>已发送 {0} 页到打印机。请取回打印件。</source>
        <translation>Sent {0} page(s) to the printer. Collect the printout.</translation>
    </message>
</context>
<context>
    <name>ReminderRulesDialog</name>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="29"/>
        <source>保养提醒规则</source>
        <translation>Maintenance Reminder Rules</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="33"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="33"/>
        <source>间隔(月)</source>
        <translation>Interval (months)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="33"/>
        <source>间隔(公里)</source>
        <translation>Interval (km)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="33"/>
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="34"/>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="40"/>
        <source>启用</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="36"/>
        <source>不按时间</source>
        <translation>No time interval</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="37"/>
        <source>不按里程</source>
        <translation>No mileage interval</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="39"/>
        <source>用逗号分隔，例如：机油, 机滤</source>
        <translation>Separate with commas, e.g. 机油, 机滤</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="45"/>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="46"/>
        <source>保存规则</source>
        <translation>Save Rule</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="47"/>
        <source>添加常用规则</source>
        <translation>Add Common Rules</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="49"/>
        <source>提醒项目</source>
        <translation>Reminder item</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="50"/>
        <source>每隔（月）</source>
        <translation>Every (months)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="51"/>
        <source>或每隔（公里）</source>
        <translation>Or every (km)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="52"/>
        <source>识别关键词</source>
        <translation>Matching keywords</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/owner_reminder_rules_dialog.py" line="54"/>
        <source>两个间隔都填时，以先到者为准。结算了含关键词的维修项目后，提醒自动从那次重新计算。</source>
        <translation>If both intervals are set, whichever comes first applies. Once a repair item containing a keyword is settled, the reminder restarts from that visit.</translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="109"/>
        <source>今日保养提醒&#x3000;{0}</source>
        <translation>Today&apos;s Maintenance Reminders&#x3000;{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="114"/>
        <source>共 {0} 条：逾期 {1}，即将到期 {2}；已联系 {3}</source>
        <translation>{0} in total: {1} overdue, {2} due soon; {3} contacted</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="117"/>
        <source>还没有提醒规则。点“提醒规则…”添加，例如机油每 5000 公里或 6 个月。</source>
        <translation>No reminder rules yet. Click &quot;Reminder Rules…&quot; to add one, e.g. engine oil every 5000 km or 6 months.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="119"/>
        <source>今天没有到期的保养提醒。</source>
        <translation>No maintenance reminders due today.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="138"/>
        <source>标记已联系</source>
        <translation>Mark as Contacted</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="139"/>
        <source>{0} {1}（{2}）：联系结果</source>
        <translation>{0} {1} ({2}): contact result</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="149"/>
        <source>导出短信 CSV</source>
        <translation>Export SMS CSV</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="160"/>
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
</context>
<context>
    <name>RemindersView</name>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="43"/>
        <source> 天内到期</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="44"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="45"/>
        <source>标记已联系…</source>
        <translation>Mark as Contacted…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="46"/>
        <source>导出短信 CSV…</source>
        <translation>Export SMS CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="47"/>
        <source>提醒规则…</source>
        <translation>Reminder Rules…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="48"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="48"/>
        <source>车牌</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="48"/>
        <source>品牌型号</source>
        <translation>Make/model</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="48"/>
        <source>车主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="49"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="49"/>
        <source>提醒项目</source>
        <translation>Reminder item</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="49"/>
        <source>上次保养</source>
        <translation>Last service</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="49"/>
        <source>到期日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="50"/>
        <source>依据</source>
        <translation>Based on</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="50"/>
        <source>预计当前里程</source>
        <translation>Est. current mileage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="50"/>
        <source>已联系</source>
        <translation>Contacted</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reminders_page.py" line="58"/>
        <source>显示</source>
        <translation>Show due within</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="131"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="132"/>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="137"/>
        <source>导出内容：HJ 1259 台账四张表（产生、入库、出库、委外）、按危废代码的申报数据（吨）和物料平衡核对。
目前没有省份提供危废上传接口：请用导出的数据在全国固体废物管理信息系统中申报。</source>
        <translation>Exports: the four HJ 1259 ledger tables (generated, stored, removed, outsourced), declaration data by waste code (tonnes) and the material-balance check.
No province offers a hazardous-waste upload interface yet: use the exported data to declare in the National Solid Waste Management Information System.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="140"/>
        <source>统计期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="140"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="158"/>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="160"/>
        <source>已保存：{0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_admin.py" line="166"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="138"/>
        <source>重置密码 — {0}</source>
        <translation>Reset Password — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="140"/>
        <source>为 {0}（登录名 {1}）设置一个临时密码，当面告诉本人。本人下次登录时必须改成自己的密码。重置也会解除锁定。</source>
        <translation>Set a temporary password for {0} (user name {1}) and tell them face to face. They must change it to their own at their next login. Resetting also unlocks the account.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="148"/>
        <source>临时密码</source>
        <translation>Temporary password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="150"/>
        <source>重置密码</source>
        <translation>Reset Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password_dialogs.py" line="151"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RestoreFlow</name>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="65"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="71"/>
        <source>备份密码</source>
        <translation>Backup passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="72"/>
        <source>这份备份是加密的。请输入设置第二备份位置时用的备份密码：</source>
        <translation>This backup is encrypted. Enter the backup passphrase set for the second backup folder:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="82"/>
        <source>✔ {0}：{1}</source>
        <translation>✔ {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="85"/>
        <source>正在校验 {0}…</source>
        <translation>Verifying {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="101"/>
        <source>✖ {0} 不能使用：{1}</source>
        <translation>✖ {0} cannot be used: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="115"/>
        <source>用 {0} 的备份替换现在的全部数据吗？

· 恢复前，现在的数据库会先做一份“恢复前”备份，并原样保留在 backups 文件夹里；
· 这份备份之后录入的工单、台账等，不会出现在恢复后的数据里；
· 先校验备份文件，校验不通过就不会恢复。

恢复完成后扳手会关闭，需要重新启动。</source>
        <translation>Replace all current data with the backup of {0}?

· First the current database is backed up (&quot;before restore&quot;) and also kept unchanged in the backups folder;
· work orders, ledger entries etc. entered after this backup will not be in the restored data;
· the backup file is verified first; if it fails, nothing is restored.

When the restore is done Banshou closes and must be started again.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="120"/>
        <source>恢复备份</source>
        <translation>Restore Backup</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="120"/>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="124"/>
        <source>备份校验通过：{0}。

现在恢复吗？开始后不能取消；完成后扳手会关闭，请重新启动。</source>
        <translation>The backup verified: {0}.

Restore now? Once started it cannot be cancelled; afterwards Banshou closes, please start it again.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="126"/>
        <source>确认恢复</source>
        <translation>Confirm Restore</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="126"/>
        <source>恢复并关闭扳手</source>
        <translation>Restore and Close Banshou</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="127"/>
        <location filename="../../ui/pages/backup_restore.py" line="134"/>
        <source>没有恢复。</source>
        <translation>Nothing was restored.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="138"/>
        <source>正在停止后台工作…</source>
        <translation>Stopping background work…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="156"/>
        <source>正在恢复，请不要关闭电脑…</source>
        <translation>Restoring, do not turn the PC off…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="168"/>
        <source>已从 {0} 恢复。</source>
        <translation>Restored from {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="170"/>
        <source>原来的数据库保留为：{0}</source>
        <translation>The previous database was kept as: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="172"/>
        <source>恢复前的备份：{0}</source>
        <translation>Backup taken before the restore: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="174"/>
        <source>这份备份来自较早的版本，已升级到当前版本。</source>
        <translation>This backup came from an older version and was upgraded to this one.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="176"/>
        <source>扳手现在关闭。请重新启动扳手，用恢复后的数据继续工作。</source>
        <translation>Banshou closes now. Start Banshou again to continue with the restored data.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="179"/>
        <source>恢复完成</source>
        <translation>Restore Complete</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="187"/>
        <source>恢复没有完成：{0}

现在的数据库没有被替换（恢复不会留下一半的数据）。上传已暂停，请关闭并重新启动扳手。</source>
        <translation>The restore did not complete: {0}

The current database was not replaced (a restore never leaves half the data). Uploads are paused; please close and restart Banshou.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backup_restore.py" line="190"/>
        <source>恢复没有完成</source>
        <translation>Restore Not Completed</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/session.py" line="70"/>
        <source>店主</source>
        <translation>Shop owner</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="70"/>
        <source>前台</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="71"/>
        <source>技师</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="82"/>
        <source>扳手 · 已锁定</source>
        <translation>Banshou · Locked</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="162"/>
        <source>切换用户</source>
        <translation>Switch User</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="164"/>
        <source>退出当前账号，换人登录（Ctrl+Shift+L）</source>
        <translation>Log out and let someone else log in (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="173"/>
        <source>账号(&amp;U)</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="178"/>
        <source>锁定屏幕(&amp;L)</source>
        <translation>&amp;Lock Screen</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="179"/>
        <source>切换用户(&amp;W)</source>
        <translation>&amp;Switch User</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="180"/>
        <source>修改我的密码(&amp;P)…</source>
        <translation>Change My &amp;Password…</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="204"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="206"/>
        <source>初始设置（尚未建立账号）</source>
        <translation>First setup (no accounts yet)</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="207"/>
        <source>未登录</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="209"/>
        <source>当前用户：{0}（{1}）</source>
        <translation>User: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="331"/>
        <source>退出扳手</source>
        <translation>Quit Banshou</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="332"/>
        <source>打开的工单有未保存的修改，退出会丢弃这些修改。确定退出吗？</source>
        <translation>The open work order has unsaved changes; quitting discards them. Quit anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/session.py" line="346"/>
        <source>密码已修改。</source>
        <translation>Password changed.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="125"/>
        <source>服务顾问</source>
        <translation>Service advisor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="126"/>
        <source>维修技师</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="127"/>
        <source>前台</source>
        <translation>Front desk</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="128"/>
        <source>店主</source>
        <translation>Shop owner</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="187"/>
        <source>（已停用）</source>
        <translation> (deactivated)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="205"/>
        <source>✓ 已保存</source>
        <translation>✓ Saved</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="212"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="242"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="242"/>
        <source>重新启用</source>
        <translation>Reactivate</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="47"/>
        <source>保存企业信息</source>
        <translation>Save Shop Details</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="49"/>
        <source>保存企业信息 (Ctrl+S)</source>
        <translation>Save Shop Details (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="51"/>
        <source>维修企业信息</source>
        <translation>Repair Shop Details</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="62"/>
        <source>显示已停用的员工</source>
        <translation>Show deactivated staff</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="63"/>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="65"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="67"/>
        <source>添加员工</source>
        <translation>Add Staff</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="69"/>
        <source>员工</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="83"/>
        <source>员工不会被删除，只会停用，以便历史工单保留他们的姓名。</source>
        <translation>Staff are never deleted, only deactivated, so past work orders keep their names.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="89"/>
        <source>更改语言后，重新启动扳手生效。</source>
        <translation>A language change takes effect after restarting Banshou.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="90"/>
        <source>大字体（适合老花眼，立即生效）</source>
        <translation>Large font (easier to read, applies at once)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="91"/>
        <source>语言与显示</source>
        <translation>Language and Display</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="93"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
</context>
<context>
    <name>SettleDialog</name>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="45"/>
        <source>结算 — {0}</source>
        <translation>Settle — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="59"/>
        <source>{0}&#x3000;{1}&#x3000;工单 {2}</source>
        <translation>{0}&#x3000;{1}&#x3000;Work order {2}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="60"/>
        <source>&#x3000;（更正第 {0} 版）</source>
        <translation>&#x3000;(correction revision {0})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="74"/>
        <source>本类别最少 {0} 天</source>
        <translation>At least {0} days for this category</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="75"/>
        <source>本类别最少 {0} 公里</source>
        <translation>At least {0} km for this category</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="83"/>
        <source>确认结算后：系统分配结算清单编号、记录结算时间，并排队上传到汽车维修电子健康档案系统。结算不能撤销；如有错误，只能在工单上点“更正”生成新版本后重新结算。</source>
        <translation>On settlement the system assigns a settlement list no., records the settlement time and queues the record for upload to the car repair EHR system. Settlement cannot be undone; to fix a mistake, click &quot;Correct&quot; on the work order to create a new revision and settle it again.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="87"/>
        <source>正在检查需要确认的提醒…</source>
        <translation>Checking for warnings to confirm…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="133"/>
        <source>大写：{0}</source>
        <translation>In words: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="143"/>
        <source>收款金额格式不对，请填写如 120.50 的金额</source>
        <translation>Invalid payment amount; enter an amount such as 120.50</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="148"/>
        <source>✓ 已收 {0}，与应付金额一致</source>
        <translation>✓ Received {0}, matches the amount due</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="151"/>
        <source>还差 {0}</source>
        <translation>{0} short</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="151"/>
        <source>多收 {0}</source>
        <translation>{0} over</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="153"/>
        <source>已收 {0}，应付 {1}，</source>
        <translation>Received {0}, due {1}: </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="223"/>
        <source>以下 {0} 条提醒需要填写原因后才能结算：</source>
        <translation>Enter a reason for these {0} warning(s) before settling:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="223"/>
        <source>没有需要确认的提醒。</source>
        <translation>No warnings to confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="231"/>
        <source>结算前请先在工单上处理以下问题：</source>
        <translation>Fix these problems on the work order before settling:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="260"/>
        <source>还有提醒没有填写原因，请填写后再确认结算。</source>
        <translation>Some warnings still have no reason; enter them, then confirm the settlement.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_dialog.py" line="262"/>
        <source>已结算</source>
        <translation>Settled</translation>
    </message>
</context>
<context>
    <name>SettleView</name>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="145"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="149"/>
        <source> 公里</source>
        <translation> km</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="152"/>
        <source>选填，例如：新能源专用部件质保另行约定</source>
        <translation>Optional, e.g. EV parts: separate warranty</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="161"/>
        <source>确认结算</source>
        <translation>Confirm Settlement</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="162"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="166"/>
        <source>费用</source>
        <translation>Charges</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="169"/>
        <source>工时费</source>
        <translation>Labour</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="170"/>
        <source>材料费</source>
        <translation>Parts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="171"/>
        <source>其他费用</source>
        <translation>Other charges</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="172"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="173"/>
        <source>优惠</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="182"/>
        <source>应付金额</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="188"/>
        <source>收款方式</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="193"/>
        <source>旧件处理</source>
        <translation>Old parts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="202"/>
        <source>质量保证期（以先到者为准）</source>
        <translation>Warranty (whichever comes first)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settle_view.py" line="205"/>
        <source>或</source>
        <translation>or</translation>
    </message>
</context>
<context>
    <name>ShopForm</name>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="248"/>
        <source>编号示例：{0}</source>
        <translation>Number example: {0}</translation>
    </message>
</context>
<context>
    <name>ShopFormView</name>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="54"/>
        <source>必填，与经营备案登记的名称完全一致</source>
        <translation>Required; exactly as in the business filing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="55"/>
        <source>必填，18 位，见营业执照</source>
        <translation>Required; 18 characters, see the business licence</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="59"/>
        <source>由省级电子健康档案系统分配</source>
        <translation>Assigned by the provincial EHR system</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="60"/>
        <source>必填，字母或数字，例如 SH01</source>
        <translation>Required; letters or digits, e.g. SH01</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="63"/>
        <source>（不预填）</source>
        <translation>(no default)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="68"/>
        <source> 元/小时</source>
        <translation> ¥/hour</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="84"/>
        <source>维修企业名称</source>
        <translation>Repair shop name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="85"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="86"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="87"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="88"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="89"/>
        <source>EHR 企业编码</source>
        <translation>EHR company code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="90"/>
        <source>结算清单编号前缀</source>
        <translation>Settlement list no. prefix</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="91"/>
        <source>本地车牌省份</source>
        <translation>Local plate province</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="92"/>
        <source>默认工时单价</source>
        <translation>Default labour rate</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="111"/>
        <source>接车时车牌输入框预先填好的省份简称</source>
        <translation>Province abbreviation pre-filled in the plate field at intake</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="112"/>
        <source>上传维修记录时使用的 companycode；未接入系统时可以先空着</source>
        <translation>The companycode used when uploading repair records; can stay empty until connected</translation>
    </message>
</context>
<context>
    <name>ShopSetupDialog</name>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="265"/>
        <source>欢迎使用扳手 — 填写维修企业信息</source>
        <translation>Welcome to Banshou — Enter Your Shop Details</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="268"/>
        <source>开始接车之前，请填写贵店在道路运输管理部门备案的信息。这些信息会印在结算清单上，并上传到汽车维修电子健康档案系统。以后可以在“设置”里修改。</source>
        <translation>Before the first intake, enter your shop&apos;s details as filed with the road transport authority. They are printed on settlement lists and uploaded to the car repair EHR system. You can change them later under &quot;Settings&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="276"/>
        <source>保存并开始使用</source>
        <translation>Save and Start</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_setup_dialog.py" line="277"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="150"/>
        <source>没有等待上传的记录</source>
        <translation>No records waiting to upload</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="152"/>
        <source>最早一条已等待：{0}</source>
        <translation>Oldest waiting: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="154"/>
        <source>最近一次上传成功：{0}</source>
        <translation>Last successful upload: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="163"/>
        <source>培训模式：上传到本机模拟服务器</source>
        <translation>Training mode: uploading to the simulated server on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="201"/>
        <source>被退回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="201"/>
        <source>仍在重试</source>
        <translation>Still retrying</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="228"/>
        <source>尚无</source>
        <translation>None yet</translation>
    </message>
</context>
<context>
    <name>SyncPageView</name>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="45"/>
        <source>电子健康档案上传</source>
        <translation>EHR Upload</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="61"/>
        <source>待上传</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="61"/>
        <source>上传中</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="62"/>
        <source>已接收</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="62"/>
        <source>被退回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="63"/>
        <source>需关注</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="92"/>
        <source>需要处理的记录（被退回，或等待超过 24 小时）</source>
        <translation>Records needing action (rejected, or waiting over 24 hours)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="105"/>
        <source>没有需要处理的记录。结算后记录会自动上传。</source>
        <translation>No records need action. Records are uploaded automatically after settlement.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="110"/>
        <source>立即重试</source>
        <translation>Retry Now</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="111"/>
        <source>等待中的记录马上再试一次</source>
        <translation>Try the waiting records again right away</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="112"/>
        <source>打开工单</source>
        <translation>Open Work Order</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="113"/>
        <source>更正后重新上传</source>
        <translation>Correct and Re-upload</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="114"/>
        <source>建立这张工单的更正版本；改好后再次结算即自动上传</source>
        <translation>Create a correction revision of this work order; settle it again once fixed and it uploads automatically</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="88"/>
        <source>工时费</source>
        <translation>Labour</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="89"/>
        <source>材料费</source>
        <translation>Parts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="90"/>
        <source>其他费用</source>
        <translation>Other charges</translation>
    </message>
    <message>
        <location filename="../../ui/pages/order_editor_view.py" line="91"/>
        <source>合计（元）</source>
        <translation>Total (¥)</translation>
    </message>
</context>
<context>
    <name>VehicleForm</name>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="96"/>
        <source>新车登记</source>
        <translation>Register Vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="100"/>
        <source>17 位，字母自动大写</source>
        <translation>17 characters; letters are capitalised</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="116"/>
        <source>车牌号码</source>
        <translation>Plate no.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="117"/>
        <source>车架号(VIN)</source>
        <translation>VIN</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="118"/>
        <source>品牌型号</source>
        <translation>Make/model</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="119"/>
        <source>发动机号</source>
        <translation>Engine no.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="120"/>
        <source>车辆类型</source>
        <translation>Vehicle type</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="121"/>
        <source>车主姓名</source>
        <translation>Owner name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="122"/>
        <source>车主电话</source>
        <translation>Owner phone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/intake_forms.py" line="162"/>
        <source>厂商：{0}</source>
        <translation>Manufacturer: {0}</translation>
    </message>
</context>
<context>
    <name>VehicleHistoryPage</name>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="152"/>
        <source>{0}&#x3000;{1}&#x3000;VIN {2}{3}&#x3000;共 {4} 次结算</source>
        <translation>{0}&#x3000;{1}&#x3000;VIN {2}{3}&#x3000;{4} settlement(s)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="157"/>
        <source>去隐私：已删除{0}。</source>
        <translation>Anonymised: removed {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="166"/>
        <source>保存维修履历</source>
        <translation>Save Repair History</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="187"/>
        <source>已保存 {0}，验证码 {1}（已登记，可随时核验）</source>
        <translation>Saved {0}, verification code {1} (registered; can be verified at any time)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="194"/>
        <source>去隐私版</source>
        <translation>Anonymised</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="194"/>
        <source>车主版</source>
        <translation>Owner copy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="198"/>
        <source>✔ 本店于 {0} 出具（{1}）：车牌 {2}，VIN {3}，{4}，共 {5} 次结算（{6} 至 {7}），最后里程 {8} km。
结算清单编号：{9}
请与对方文件逐项核对，任何一项不一致即说明文件被改动过。</source>
        <translation>✔ Issued by this shop on {0} ({1}): plate {2}, VIN {3}, {4}, {5} settlement(s) ({6} to {7}), last mileage {8} km.
Settlement list nos.: {9}
Check each item against the document presented; any difference means the document has been altered.</translation>
    </message>
</context>
<context>
    <name>VehicleHistoryView</name>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="38"/>
        <source>输入车牌、车架号后几位或车主手机号查找车辆</source>
        <translation>Enter the plate, last digits of the VIN or the owner&apos;s mobile no. to find a vehicle</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="40"/>
        <source>车牌</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="40"/>
        <source>品牌型号</source>
        <translation>Make/model</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="40"/>
        <source>车主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="40"/>
        <source>来店次数</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="41"/>
        <source>最近来店</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="43"/>
        <source>车主版（完整）</source>
        <translation>Owner copy (complete)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="44"/>
        <source>去隐私版（二手车交易 / 出口证明）</source>
        <translation>Anonymised (used-car sale / export proof)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="49"/>
        <source>车主同意显示完整车牌</source>
        <translation>Owner agrees to show the full plate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="50"/>
        <source>保存 PDF 并登记验证码…</source>
        <translation>Save PDF and Register Code…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="53"/>
        <source>请先查找并选择车辆</source>
        <translation>Find and select a vehicle first</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="55"/>
        <source>结算日期</source>
        <translation>Settlement date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="55"/>
        <source>结算清单编号</source>
        <translation>Settlement list no.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="55"/>
        <source>里程(km)</source>
        <translation>Mileage (km)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="56"/>
        <source>维修项目</source>
        <translation>Repair item</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="56"/>
        <source>更换配件</source>
        <translation>Parts replaced</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="63"/>
        <source>例如 1A2B-3C4D-5E6F-7081</source>
        <translation>e.g. 1A2B-3C4D-5E6F-7081</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="64"/>
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="65"/>
        <source>有人拿着本店出具的履历来核实时，输入文件上的验证码。</source>
        <translation>When someone brings a history issued by this shop to be checked, enter the code printed on it.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/vehicle_history_page.py" line="73"/>
        <source>核验验证码</source>
        <translation>Verify Code</translation>
    </message>
</context>
<context>
    <name>VehicleResultsModel</name>
    <message>
        <location filename="../../ui/models/vehicle_models.py" line="87"/>
        <source>车牌</source>
        <translation>Plate</translation>
    </message>
    <message>
        <location filename="../../ui/models/vehicle_models.py" line="88"/>
        <source>车主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/models/vehicle_models.py" line="89"/>
        <source>品牌型号</source>
        <translation>Make/model</translation>
    </message>
    <message>
        <location filename="../../ui/models/vehicle_models.py" line="90"/>
        <source>上次来店</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location filename="../../ui/models/vehicle_models.py" line="90"/>
        <source>首次</source>
        <translation>First</translation>
    </message>
    <message>
        <location filename="../../ui/models/vehicle_models.py" line="91"/>
        <source>上次里程</source>
        <translation>Last mileage</translation>
    </message>
</context>
<context>
    <name>VisitsModel</name>
    <message>
        <location filename="../../ui/models/vehicle_models.py" line="103"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/models/vehicle_models.py" line="104"/>
        <source>里程</source>
        <translation>Mileage</translation>
    </message>
    <message>
        <location filename="../../ui/models/vehicle_models.py" line="105"/>
        <source>故障描述</source>
        <translation>Fault description</translation>
    </message>
    <message>
        <location filename="../../ui/models/vehicle_models.py" line="106"/>
        <source>结算单号</source>
        <translation>Settlement no.</translation>
    </message>
    <message>
        <location filename="../../ui/models/vehicle_models.py" line="106"/>
        <source>未结算</source>
        <translation>Not settled</translation>
    </message>
    <message>
        <location filename="../../ui/models/vehicle_models.py" line="107"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>WarningReasons</name>
    <message>
        <location filename="../../ui/widgets/warning_reasons.py" line="47"/>
        <source>⚠ {0}</source>
        <translation>⚠ {0}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/warning_reasons.py" line="51"/>
        <source>核对无误的，请在这里填写原因（必填）</source>
        <translation>If it is correct, enter the reason here (required)</translation>
    </message>
</context>
<context>
    <name>WasteEntryPanel</name>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="216"/>
        <source>工单产生的待登记危废（{0}）</source>
        <translation>Hazardous waste from work orders to record ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="218"/>
        <source>暂无：完工或结算的工单中更换了蓄电池、机油、滤芯、三元催化器、轮胎等时会出现在这里。</source>
        <translation>None: batteries, oil, filters, catalytic converters, tyres etc. replaced on completed or settled work orders appear here.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="231"/>
        <source>一般固体废物</source>
        <translation>General solid waste</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="237"/>
        <source>新容器</source>
        <translation>New container</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="260"/>
        <source>来自工单 {0}（{1}）</source>
        <translation>From work order {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="265"/>
        <source>不关联工单</source>
        <translation>Not linked to a work order</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="295"/>
        <source>请先选择废物种类。</source>
        <translation>Choose the waste type first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="299"/>
        <source>请填写数量。</source>
        <translation>Enter the quantity.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="317"/>
        <source>已登记 {0}：{1} {2} {3}（{4} 千克），容器 {5}</source>
        <translation>Recorded {0}: {1} {2} {3} ({4} kg), container {5}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="335"/>
        <source>没有废物</source>
        <translation>No Waste</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="335"/>
        <source>原因（例如：车主带走旧电池）：</source>
        <translation>Reason (e.g. owner took the old battery):</translation>
    </message>
</context>
<context>
    <name>WasteEntryView</name>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="57"/>
        <source>工单产生的待登记危废</source>
        <translation>Hazardous Waste from Work Orders</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="62"/>
        <source>没有废物…</source>
        <translation>No Waste…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="64"/>
        <source>例如车主带走了旧件：填写原因后从列表中移除</source>
        <translation>E.g. the owner took the old parts: enter a reason to remove it from the list</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="75"/>
        <source>1 选择废物</source>
        <translation>1 Choose Waste</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="81"/>
        <source>请先选择废物</source>
        <translation>Choose the waste first</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="90"/>
        <source>不关联工单</source>
        <translation>Not linked to a work order</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="100"/>
        <source>保存登记</source>
        <translation>Save Record</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="107"/>
        <source>容器</source>
        <translation>Container</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="107"/>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="108"/>
        <source>称重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="108"/>
        <source>千克</source>
        <translation>kg</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="108"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_entry.py" line="119"/>
        <source>2 填写数量并保存</source>
        <translation>2 Enter Quantity and Save</translation>
    </message>
</context>
<context>
    <name>WasteHandoffDialog</name>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="99"/>
        <source>新建危废转移</source>
        <translation>New Hazardous-Waste Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="155"/>
        <source>本次转移 {0} 个容器，合计 {1} 千克</source>
        <translation>This transfer: {0} container(s), {1} kg in total</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="163"/>
        <source>还没有收集单位：请先在“收集单位”中添加。</source>
        <translation>No licensed collectors yet: add one under &quot;Licensed Collectors&quot; first.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="167"/>
        <source>许可证 {0}，有效期至 {1}；许可代码：{2}</source>
        <translation>Licence {0}, valid until {1}; licensed codes: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="174"/>
        <source>请先选择接收单位。</source>
        <translation>Choose the receiving collector first.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="178"/>
        <source>费用请填写数字。</source>
        <translation>Enter the fee as a number.</translation>
    </message>
</context>
<context>
    <name>WasteHandoffView</name>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="41"/>
        <source>14 位数字，从全国固体废物管理信息系统照抄</source>
        <translation>14 digits, copied from the National Solid Waste Management Information System</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="44"/>
        <source>元；收集单位付给本店为正数，本店付费为负数</source>
        <translation>¥; positive if the collector pays the shop, negative if the shop pays</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="46"/>
        <source>例如 R4 金属回收、综合利用</source>
        <translation>e.g. R4 metal recovery, comprehensive use</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="51"/>
        <source>接收单位</source>
        <translation>Receiving collector</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="52"/>
        <source>承运人</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="53"/>
        <source>车牌号</source>
        <translation>Plate no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="54"/>
        <source>联单编号</source>
        <translation>Manifest no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="55"/>
        <source>费用（元）</source>
        <translation>Fee (¥)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="56"/>
        <source>利用/处置方式</source>
        <translation>Recovery/disposal method</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="57"/>
        <source>经办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="61"/>
        <source>转移</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="61"/>
        <source>容器</source>
        <translation>Container</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="61"/>
        <source>废物</source>
        <translation>Waste</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="61"/>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="61"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="61"/>
        <source>称重(千克)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="72"/>
        <source>确认出厂后将写入出库和委外记录，不能删除；如接收方拒收，可在转移记录上选择“拒收”冲回。联单编号由全国系统生成，本软件只录入。</source>
        <translation>Once dispatch is confirmed, removal and outsourcing records are written and cannot be deleted; if the receiver refuses, choose &quot;Refused&quot; on the transfer record to reverse it. Manifest numbers are generated by the national system; this software only records them.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="78"/>
        <source>存为草稿</source>
        <translation>Save as Draft</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="79"/>
        <source>确认出厂</source>
        <translation>Confirm Dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waste_handoff_dialog.py" line="80"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>WastePage</name>
    <message>
        <location filename="../../ui/pages/waste_page.py" line="39"/>
        <source>现场登记</source>
        <translation>Record Waste</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_page.py" line="40"/>
        <source>库存与转移</source>
        <translation>Stock and Transfers</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_page.py" line="41"/>
        <source>收集单位</source>
        <translation>Licensed Collectors</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_page.py" line="42"/>
        <location filename="../../ui/pages/waste_page.py" line="81"/>
        <source>提醒</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_page.py" line="43"/>
        <source>报表导出</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_page.py" line="64"/>
        <source>危废代码依据 {0}（数据版本 {1}）。{2}</source>
        <translation>Waste codes per {0} (data version {1}). {2}</translation>
    </message>
</context>
<context>
    <name>WasteStockPanel</name>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="120"/>
        <source>现有库存（{0} 个容器，合计 {1} 千克）</source>
        <translation>Current stock ({0} container(s), {1} kg in total)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="152"/>
        <source>确认已接收</source>
        <translation>Confirm Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="152"/>
        <source>接收方在系统中确认接收的日期：</source>
        <translation>Date the receiver confirmed receipt in the system:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="161"/>
        <source>接收方拒收</source>
        <translation>Receiver Refused</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="161"/>
        <source>拒收原因（废物将冲回本店库存）：</source>
        <translation>Reason for refusal (the waste returns to the shop&apos;s stock):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="170"/>
        <source>保存交接记录</source>
        <translation>Save Handover Record</translation>
    </message>
</context>
<context>
    <name>WasteStockView</name>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="69"/>
        <location filename="../../ui/pages/waste_stock.py" line="84"/>
        <source>容器</source>
        <translation>Container</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="69"/>
        <source>废物</source>
        <translation>Waste</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="69"/>
        <source>现存数量</source>
        <translation>Quantity held</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="69"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="69"/>
        <location filename="../../ui/pages/waste_stock.py" line="84"/>
        <source>重量(千克)</source>
        <translation>Weight (kg)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="70"/>
        <source>已入库(千克)</source>
        <translation>Stored (kg)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="70"/>
        <source>存放天数</source>
        <translation>Days stored</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="71"/>
        <source>新建转移…</source>
        <translation>New Transfer…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="72"/>
        <source>确认已接收…</source>
        <translation>Confirm Receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="73"/>
        <source>接收方拒收…</source>
        <translation>Receiver Refused…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="74"/>
        <source>打印交接记录…</source>
        <translation>Print Handover Record…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="76"/>
        <source>转移记录</source>
        <translation>Transfer Records</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="83"/>
        <source>出厂时间</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="83"/>
        <source>联单编号</source>
        <translation>Manifest no.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="83"/>
        <source>接收单位</source>
        <translation>Receiving collector</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="83"/>
        <source>承运/车牌</source>
        <translation>Carrier/plate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="84"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/waste_stock.py" line="84"/>
        <source>接收日期</source>
        <translation>Received on</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="141"/>
        <source>无法打开数据文件夹</source>
        <translation>Cannot Open the Data Folder</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="183"/>
        <source>无法启动</source>
        <translation>Cannot Start</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/errors.py" line="20"/>
        <source>发生了意外错误，已记录到日志。已输入的内容没有丢失。
{0}</source>
        <translation>An unexpected error occurred and has been logged. Nothing you entered has been lost.
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="26"/>
        <source>无法完成</source>
        <translation>Could Not Complete</translation>
    </message>
</context>
<context>
    <name>order_state_dialogs</name>
    <message>
        <location filename="../../ui/dialogs/order_state_dialogs.py" line="33"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>同步</source>
        <translation type="vanished">Sync</translation>
    </message>
    <message>
        <source>电子健康档案</source>
        <translation type="vanished">EHR</translation>
    </message>
    <message>
        <source>（培训模式）</source>
        <translation type="vanished"> (training mode)</translation>
    </message>
    <message>
        <source>培训模式：记录只上传到本机模拟服务器</source>
        <translation type="vanished">Training mode: records are uploaded only to the simulated server on this computer</translation>
    </message>
    <message>
        <source>维修履历</source>
        <translation type="vanished">History</translation>
    </message>
    <message>
        <source>保养提醒</source>
        <translation type="vanished">Reminders</translation>
    </message>
    <message>
        <source>缺陷与专项</source>
        <translation type="vanished">Defects etc.</translation>
    </message>
    <message>
        <source>危废台账</source>
        <translation type="vanished">Haz. Waste</translation>
    </message>
    <message>
        <source>危废提醒 {0}</source>
        <translation type="vanished">Waste alerts {0}</translation>
    </message>
    <message>
        <source>危废正常</source>
        <translation type="vanished">Waste OK</translation>
    </message>
    <message>
        <source>经营看板</source>
        <translation type="vanished">Dashboard</translation>
    </message>
</context>
</TS>
