import type { Messages } from '../types';

export const needs = {
	'needs.err.count': {
		zh: '请填写 1 至 1000000 之间的整数。',
		en: 'Enter a whole number from 1 to 1,000,000.'
	},
	'needs.err.consent': {
		zh: '留下联系方式时，请勾选同意。',
		en: 'Please tick the consent box when you leave a contact.'
	},
	'needs.err.nothingChecked': {
		zh: '请先勾选要发布的需求。',
		en: 'Tick the needs to publish first.'
	},
	'needs.err.notPending': {
		zh: '该需求已处理过，请刷新页面查看。',
		en: 'This need has already been handled; reload the page to see it.'
	},

	'needs.err.place': {
		zh: '所选地点不存在或不属于上一级，请重新选择。',
		en: 'That place does not exist or is not in the place above it; please choose again.'
	},
	'needs.err.mergeSelf': { zh: '不能合并到需求自身。', en: 'A need cannot be merged into itself.' },
	'needs.err.mergeTarget': {
		zh: '找不到可合并的目标需求：须为本轮次中待审核或已发布的需求。',
		en: 'No need to merge into: it must be a new or published need of this round.'
	},
	'needs.err.supportClosed': { zh: '本轮次已结束，不再接受附议。', en: 'This round has ended; supports are closed.' },
	'needs.err.rolloverSource': {
		zh: '本轮次仍在接收项目申报，项目申报结束后才能结转需求。',
		en: 'This round still takes proposals; needs can be carried over once applications have ended.'
	},
	'needs.err.rolloverTarget': {
		zh: '目标轮次须处于草稿、需求征集或项目申报阶段。',
		en: 'The target round must be in draft, its needs call or applications.'
	},
	'needs.err.rolloverSame': { zh: '请选择另一个轮次。', en: 'Choose another round.' },

	'needs.field.community': { zh: '社区 / 村', en: 'Community or village' },
	'needs.field.streetChoose': { zh: '请先选择所在区', en: 'Choose the district first' },
	'needs.field.placeRefresh': { zh: '按所选的区更新街道和社区列表', en: 'Update the street and community lists for this district' },
	'needs.field.placeHint': {
		zh: '找不到您所在的社区时，可以不选社区。',
		en: 'If your community is not listed, leave it unselected.'
	},

	'needs.board.search': { zh: '搜索', en: 'Search' },
	'needs.board.searchHint': { zh: '标题、具体情况或人群中的字词', en: 'Words in the title, description or group' },
	'needs.board.status': { zh: '回应情况', en: 'Answered?' },
	'needs.board.status.open': { zh: '尚无项目回应', en: 'Not answered yet' },
	'needs.board.status.answered': { zh: '已有项目回应', en: 'Answered by proposals' },
	'needs.board.status.funded': { zh: '已有项目获资助', en: 'Has a funded project' },
	'needs.board.sort': { zh: '排序', en: 'Sort by' },
	'needs.board.sort.newest': { zh: '最新发布', en: 'Newest' },
	'needs.board.sort.support': { zh: '附议最多', en: 'Most supported' },
	'needs.board.clear': { zh: '清除筛选', en: 'Clear filters' },

	'needs.support.button': { zh: '我也有这个需求（附议）', en: 'Me too (support this need)' },
	'needs.support.done': { zh: '已附议，谢谢！', en: 'Thank you for your support!' },
	'needs.support.already': { zh: '您已经附议过这项需求。', en: 'You have already supported this need.' },
	'needs.support.note': {
		zh: '附议不需要注册，每人每项需求只计一次。',
		en: 'No account needed; each person counts once per need.'
	},
	'needs.detail.community': { zh: '社区', en: 'Community' },
	'needs.detail.mergedHere': {
		zh: '您打开的需求已与这项内容相近的需求合并。',
		en: 'The need you opened was merged into this similar need.'
	},

	'needs.track.mergedInto': { zh: '已与内容相近的需求「{title}」合并处理（{date}）', en: 'Merged into the similar need “{title}” ({date})' },
	'needs.track.declinedAt': { zh: '未被采纳（{date}）', en: 'Not taken up ({date})' },
	'needs.track.completed': { zh: '项目已结项', en: 'The project is completed' },
	'needs.track.fundedStep': { zh: '获得资助', en: 'Funded' },
	'needs.track.completedStep': { zh: '项目完成', en: 'Completed' },
	'needs.track.waitingFunding': { zh: '等待资助结果', en: 'Waiting for funding decisions' },

	'needs.admin.counts': { zh: '待审核 {new} · 已发布 {published} · 未采纳 {declined} · 已合并 {merged}', en: 'New {new} · published {published} · declined {declined} · merged {merged}' },
	'needs.admin.declineChecked': { zh: '不采纳勾选的需求', en: 'Decline the ticked needs' },
	'needs.admin.bulkReason': { zh: '批量不采纳的理由（居民可见）', en: 'Reason for declining the ticked needs (residents see it)' },
	'needs.admin.editPublish': { zh: '修改公开内容并发布', en: 'Edit the public text and publish' },
	'needs.admin.editSave': { zh: '保存公开内容', en: 'Save the public text' },
	'needs.admin.editHint': {
		zh: '请删去姓名、门牌号、电话等个人信息；居民原文会保留，仅管理员可见。',
		en: 'Take out names, door numbers, phone numbers and other personal details; the resident’s original stays visible to admins only.'
	},
	'needs.admin.original': { zh: '居民原文（仅管理员可见）', en: 'Resident’s original (admins only)' },
	'needs.admin.merge': { zh: '作为重复需求合并', en: 'Merge as a duplicate' },
	'needs.admin.mergeTarget': { zh: '合并到需求编号', en: 'Merge into need number' },
	'needs.admin.mergeHint': {
		zh: '附议数和回执码会转到目标需求，居民凭原回执码可继续查询进度。',
		en: 'Supports and the receipt code carry over to the target; the resident follows it on the same code.'
	},
	'needs.admin.number': { zh: '编号 #{id}', en: 'No. {id}' },
	'needs.admin.mergedInto': { zh: '已合并到 #{id}', en: 'Merged into No. {id}' },
	'needs.admin.mergedDone': { zh: '已合并，附议数已转入目标需求。', en: 'Merged; supports now count for the target need.' },
	'needs.admin.editedDone': { zh: '公开内容已保存。', en: 'The public text is saved.' },
	'needs.admin.declinedMany': { zh: '已将 {count} 条需求标记为不采纳。', en: 'Declined {count, plural, one {# need} other {# needs}}.' },
	'needs.admin.carried': { zh: '由往期轮次结转', en: 'Carried over from an earlier round' },
	'needs.admin.export': { zh: '导出需求清单', en: 'Export the needs list' },
	'needs.admin.exportCsv': { zh: '下载 CSV（Excel 可直接打开）', en: 'Download CSV (opens in Excel)' },
	'needs.admin.exportXlsx': { zh: '下载 Excel（.xlsx）', en: 'Download Excel (.xlsx)' },
	'needs.admin.exportNote': {
		zh: '导出文件不含居民联系方式。',
		en: 'Exports never contain residents’ contacts.'
	},
	'needs.admin.rollover': { zh: '结转未回应的需求', en: 'Carry unanswered needs over' },
	'needs.admin.rolloverHint': {
		zh: '把本轮次中尚无项目回应的需求（待审核和已发布）转入下一轮次，附议数和回执码保持不变。',
		en: 'Moves this round’s needs that no proposal answers (new and published) into another round, keeping supports and receipt codes.'
	},
	'needs.admin.rolloverTarget': { zh: '转入轮次', en: 'Into round' },
	'needs.admin.rolloverSubmit': { zh: '结转需求', en: 'Carry over' },
	'needs.admin.rolledDone': { zh: '已结转 {count} 条需求。', en: 'Carried over {count, plural, one {# need} other {# needs}}.' },
	'needs.admin.page': { zh: '第 {page} 页', en: 'Page {page}' },
	'needs.admin.places': { zh: '地区管理', en: 'Places' },
	'needs.admin.categories': { zh: '服务领域管理', en: 'Service categories' },

	'needs.export.id': { zh: '编号', en: 'No.' },
	'needs.export.receipt': { zh: '回执码', en: 'Receipt code' },
	'needs.export.status': { zh: '状态', en: 'Status' },
	'needs.export.title': { zh: '标题', en: 'Title' },
	'needs.export.description': { zh: '具体情况', en: 'Description' },
	'needs.export.category': { zh: '服务领域', en: 'Category' },
	'needs.export.district': { zh: '区', en: 'District' },
	'needs.export.street': { zh: '街道/镇', en: 'Street/town' },
	'needs.export.community': { zh: '社区/村', en: 'Community' },
	'needs.export.group': { zh: '受影响人群', en: 'Affected group' },
	'needs.export.count': { zh: '人数', en: 'People' },
	'needs.export.urgency': { zh: '紧急程度', en: 'Urgency' },
	'needs.export.supports': { zh: '附议数', en: 'Supports' },
	'needs.export.proposals': { zh: '回应项目数', en: 'Proposals' },
	'needs.export.received': { zh: '提交时间', en: 'Received' },
	'needs.export.published': { zh: '发布时间', en: 'Published' },
	'needs.export.mergedInto': { zh: '合并到', en: 'Merged into' },
	'needs.export.declineReason': { zh: '不采纳理由', en: 'Decline reason' },

	'places.title': { zh: '地区管理', en: 'Places' },
	'places.intro': {
		zh: '区 → 街道/镇 → 社区/村。居民反映需求时从这里选择地点。可从 CSV 或 Excel 文件导入，已存在的地点不会重复添加。',
		en: 'District → street/town → community. Residents choose from these when they report a need. Import from a CSV or Excel file; places already there are not added twice.'
	},
	'places.counts': { zh: '共 {district} 个区、{street} 个街道/镇、{community} 个社区/村', en: '{district} districts, {street} streets/towns, {community} communities' },
	'places.import': { zh: '从 CSV 或 Excel 导入', en: 'Import from CSV or Excel' },
	'places.file': { zh: 'CSV 或 Excel（.xlsx）文件', en: 'CSV or Excel (.xlsx) file' },
	'places.fileHint': {
		zh: '第一行为表头：区,街道/镇,社区/村。每行一个地点，社区可留空。CSV 可以是 UTF-8 或 GBK 编码（Excel 的“CSV（逗号分隔）”），Excel 工作簿读取第一个工作表。',
		en: 'First line is the header: 区,街道/镇,社区/村 (or district,street,community). One place a row; the community may be blank. A CSV may be UTF-8 or GBK (Excel’s “CSV (Comma delimited)” on Chinese Windows); of an Excel workbook the first sheet is read.'
	},
	'places.importSubmit': { zh: '导入', en: 'Import' },
	'places.imported': { zh: '已读取 {rows} 行，新增 {added} 个地点。', en: 'Read {rows, plural, one {# row} other {# rows}}; added {added, plural, one {# place} other {# places}}.' },
	'places.rowErrors': { zh: '文件有错误，未导入任何内容：', en: 'The file has errors, so nothing was imported:' },
	'places.line': { zh: '第 {line} 行：', en: 'Line {line}: ' },
	'places.seedDefaults': { zh: '导入广州市 11 个区及街道（示例数据）', en: 'Add Guangzhou’s 11 districts and streets (sample data)' },
	'places.template': { zh: '下载 CSV 模板', en: 'Download a CSV template' },
	'places.err.empty': { zh: '文件是空的。', en: 'The file is empty.' },
	'places.err.header': {
		zh: '表头须包含「区」和「街道/镇」两列。',
		en: 'The header must have the columns 区 (district) and 街道/镇 (street).'
	},
	'places.err.tooMany': { zh: '行数过多，最多 {max} 行。', en: 'Too many rows: at most {max}.' },
	'places.err.tooBig': { zh: '文件过大，请拆分后再导入。', en: 'The file is too large; split it and import the parts.' },
	'places.err.noFile': { zh: '请选择一个 CSV 或 Excel 文件。', en: 'Choose a CSV or Excel file.' },
	'places.err.extraCells': { zh: '比表头多出了列。', en: 'More cells than the header has columns.' },
	'places.err.noDistrict': { zh: '缺少区名。', en: 'The district is missing.' },
	'places.err.noStreet': { zh: '填写了社区但没有街道/镇。', en: 'A community without a street or town.' },
	'places.err.tooLong': { zh: '名称过长，最多 {max} 个字。', en: 'A name is too long: at most {max} characters.' },
	'places.err.badName': { zh: '名称不能包含斜杠「/」或控制字符。', en: 'Names cannot contain “/” or control characters.' },
	'places.tree': { zh: '现有地点', en: 'Places now' },

	'categories.title': { zh: '服务领域', en: 'Service categories' },
	'categories.intro': {
		zh: '居民反映需求时选择的服务领域。停用后居民不能再选，但已有需求仍显示原名称。',
		en: 'The service areas residents choose from. A retired category can no longer be chosen, but existing needs keep its name.'
	},
	'categories.key': { zh: '代码（英文小写，保存后不可更改）', en: 'Key (lower-case English, fixed once saved)' },
	'categories.nameZh': { zh: '中文名称', en: 'Chinese name' },
	'categories.nameEn': { zh: '英文名称', en: 'English name' },
	'categories.add': { zh: '新增服务领域', en: 'Add a category' },
	'categories.save': { zh: '保存名称', en: 'Save names' },
	'categories.retire': { zh: '停用', en: 'Retire' },
	'categories.restore': { zh: '恢复', en: 'Restore' },
	'categories.retired': { zh: '已停用', en: 'Retired' },
	'categories.saved': { zh: '已保存。', en: 'Saved.' },
	'categories.err.key': {
		zh: '代码须以小写英文字母开头，只含小写字母、数字和下划线。',
		en: 'The key starts with a lower-case letter and has only lower-case letters, digits and underscores.'
	},

	'needs.field.title': { zh: '需求标题', en: 'Title' },
	'needs.field.titleHint': {
		zh: '一句话说明问题，例如「独居长者缺少助餐服务」。',
		en: 'The problem in one line, e.g. “Older people living alone have no meal service”.'
	},
	'needs.field.description': { zh: '具体情况', en: 'What is happening' },
	'needs.field.descriptionHint': {
		zh: '问题是什么、持续多久、现在有什么困难。请不要填写他人的姓名、电话等个人信息。',
		en: 'What the problem is, how long it has lasted, what makes it hard now. Please leave out other people’s names and phone numbers.'
	},
	'needs.field.category': { zh: '服务领域', en: 'Service area' },
	'needs.field.district': { zh: '所在区', en: 'District' },
	'needs.field.street': { zh: '街道 / 镇', en: 'Street or town' },
	'needs.field.streetHint': {
		zh: '例如：南华西街道、江南中街道。',
		en: 'For example: Nanhuaxi Street, Jiangnanzhong Street.'
	},
	'needs.field.affectedGroup': { zh: '受影响的人群', en: 'Who is affected' },
	'needs.field.affectedGroupHint': {
		zh: '例如：小区内行动不便的独居长者。',
		en: 'For example: older people living alone who find it hard to get out.'
	},
	'needs.field.affectedCount': { zh: '大约人数', en: 'About how many people' },
	'needs.field.urgency': { zh: '紧急程度', en: 'How urgent' },
	'needs.field.contactName': { zh: '您的称呼', en: 'Your name' },
	'needs.field.contactPhone': { zh: '联系电话', en: 'Phone' },
	'needs.field.contactPhoneHint': {
		zh: '手机号或座机号，例如 13800138000 或 020-83331234。',
		en: 'A mobile or landline number, e.g. 13800138000 or 020-83331234.'
	},
	'needs.field.consent': {
		zh: '我同意工作人员用以上联系方式核实此需求；联系方式不会公开。',
		en: 'Staff may use this contact to check the need; it is never published.'
	},
	'needs.field.honeypot': { zh: '请勿填写此项', en: 'Leave this field empty' },
	'needs.choose': { zh: '请选择', en: 'Please choose' },

	'needs.new.title': { zh: '反映社区需求', en: 'Report a community need' },
	'needs.new.intro': {
		zh: '您身边有什么急需解决的问题？无需注册即可提交。工作人员审核后，需求会公开在需求清单上，供社工站、社会组织设计项目来回应。',
		en: 'Is there a problem in your neighbourhood that needs solving? No account needed. Once staff have checked it, the need is published on the needs list so that stations and organisations can design projects to answer it.'
	},
	'needs.new.contactHeading': { zh: '联系方式（选填）', en: 'Contact (optional)' },
	'needs.new.contactNote': {
		zh: '仅用于核实需求，只有工作人员能看到，绝不公开。',
		en: 'Used only to check the need; only staff can see it and it is never published.'
	},
	'needs.new.submit': { zh: '提交需求', en: 'Send the need' },
	'needs.new.sending': { zh: '正在提交…', en: 'Sending…' },
	'needs.new.closed': {
		zh: '本轮需求征集已结束，当前阶段为「{phase}」，暂不接收新的需求。',
		en: 'The needs call for this round is closed: the round is in its “{phase}” phase, so new needs are not accepted.'
	},
	'needs.new.yourText': { zh: '您填写的内容', en: 'What you wrote' },
	'needs.new.yourTextHint': {
		zh: '需求未能提交。您可以复制以下内容保存，留待下一轮需求征集时再反映。',
		en: 'The need was not sent. Copy what you wrote to keep it for the next needs call.'
	},
	'needs.new.toBoard': { zh: '查看需求清单', en: 'See the needs list' },

	'needs.board.title': { zh: '需求清单', en: 'Needs list' },
	'needs.board.intro': {
		zh: '经工作人员审核后公开的居民需求。申报的项目须回应至少一项已发布的需求。',
		en: 'Residents’ needs, published after staff checked them. Every proposal must answer at least one published need.'
	},
	'needs.board.callOpen': {
		zh: '需求征集正在进行，欢迎反映您身边的问题。',
		en: 'The needs call is open: tell us about a problem near you.'
	},
	'needs.board.report': { zh: '我要反映需求', en: 'Report a need' },
	'needs.board.filters': { zh: '筛选需求', en: 'Filter needs' },
	'needs.board.total': { zh: '共 {total} 项需求', en: '{total, plural, one {# need} other {# needs}}' },
	'needs.board.empty': { zh: '暂无符合条件的需求。', en: 'No needs match.' },
	'needs.board.support': { zh: '{count} 人附议', en: '{count, plural, one {# support} other {# supports}}' },
	'needs.board.page': { zh: '第 {page} / {pages} 页', en: 'Page {page} of {pages}' },
	'needs.board.pagination': { zh: '分页', en: 'Pages' },

	'needs.detail.description': { zh: '具体情况', en: 'What is happening' },
	'needs.detail.place': { zh: '地点', en: 'Place' },
	'needs.detail.affected': { zh: '受影响人群', en: 'Who is affected' },
	'needs.detail.people': { zh: '（约 {count} 人）', en: ' (about {count} people)' },
	'needs.detail.published': { zh: '发布时间', en: 'Published' },
	'needs.detail.round': { zh: '所属轮次', en: 'Round' },
	'needs.detail.answers': { zh: '回应此需求的项目', en: 'Proposals answering it' },
	'needs.detail.answersCount': { zh: '{count} 个', en: '{count}' },
	'needs.detail.funded': { zh: '获资助的项目', en: 'Funded projects' },
	'needs.detail.toBoard': { zh: '返回需求清单', en: 'Back to the needs list' },

	'needs.track.title': { zh: '需求进度查询', en: 'Follow your need' },
	'needs.track.successHeading': { zh: '需求已提交，谢谢您！', en: 'Thank you, your need has been sent!' },
	'needs.track.keep': {
		zh: '请记下或截图保存下面的回执码。凭回执码可以随时在本页查看处理进度，丢失后无法找回。',
		en: 'Write down or screenshot the receipt code below. With it you can follow the need on this page at any time; a lost code cannot be recovered.'
	},
	'needs.track.code': { zh: '回执码', en: 'Receipt code' },
	'needs.track.copy': { zh: '复制回执码', en: 'Copy the code' },
	'needs.track.copied': { zh: '已复制。', en: 'Copied.' },
	'needs.track.copyFailed': {
		zh: '无法自动复制，请长按回执码手动复制。',
		en: 'Could not copy; press and hold the code to copy it yourself.'
	},
	'needs.track.progress': { zh: '处理进度', en: 'Progress' },
	'needs.track.received': { zh: '已收到（{date}）', en: 'Received ({date})' },
	'needs.track.pending': { zh: '等待工作人员审核', en: 'Waiting for staff to check it' },
	'needs.track.published': { zh: '已审核并公开（{date}）', en: 'Checked and published ({date})' },
	'needs.track.declined': { zh: '未被采纳', en: 'Not taken up' },
	'needs.track.declinedReason': { zh: '理由：{reason}', en: 'Reason: {reason}' },
	'needs.track.merged': {
		zh: '已与内容相近的需求合并处理',
		en: 'Merged with a similar need'
	},
	'needs.track.answered': {
		zh: '已有 {count} 个项目申报回应此需求',
		en: '{count, plural, one {# proposal answers} other {# proposals answer}} this need'
	},
	'needs.track.notAnswered': { zh: '暂时还没有项目回应', en: 'No proposal answers it yet' },
	'needs.track.funded': { zh: '已有项目获得资助', en: 'A project has been funded' },
	'needs.track.publicPage': { zh: '查看公开页面', en: 'See its public page' },
	'needs.track.notFound': {
		zh: '找不到这个回执码。请核对后重新输入：不区分大小写，可以不带短横线。',
		en: 'No need has this receipt code. Check it and try again: capitals and dashes do not matter.'
	},
	'needs.track.lookup': { zh: '查询进度', en: 'Look it up' },
	'needs.track.codeHint': { zh: '例如 ABCD-EFGH-JKMN', en: 'For example ABCD-EFGH-JKMN' },

	'needs.admin.title': { zh: '需求审核', en: 'Moderate needs' },
	'needs.admin.intro': {
		zh: '发布后需求会出现在公开的需求清单上；不采纳时须写明理由，居民可凭回执码看到。联系方式仅供核实，不得外传。',
		en: 'Published needs appear on the public needs list; declining needs a reason, which the resident reads with their receipt code. Contacts are for checking only and must not be passed on.'
	},
	'needs.admin.status': { zh: '状态', en: 'Status' },
	'needs.admin.show': { zh: '显示', en: 'Show' },
	'needs.admin.empty': { zh: '没有此状态的需求。', en: 'No needs in this status.' },
	'needs.admin.count': { zh: '{count} 条', en: '{count, plural, one {# need} other {# needs}}' },
	'needs.admin.select': { zh: '选中', en: 'Select' },
	'needs.admin.publish': { zh: '发布', en: 'Publish' },
	'needs.admin.publishChecked': { zh: '发布勾选的需求', en: 'Publish the ticked needs' },
	'needs.admin.decline': { zh: '不采纳', en: 'Decline' },
	'needs.admin.declineReason': { zh: '不采纳的理由（居民可见）', en: 'Reason for declining (the resident sees it)' },
	'needs.admin.contact': { zh: '联系方式（仅管理员可见）', en: 'Contact (admins only)' },
	'needs.admin.noContact': { zh: '未留联系方式', en: 'No contact given' },
	'needs.admin.receipt': { zh: '回执码', en: 'Receipt code' },
	'needs.admin.received': { zh: '提交时间', en: 'Received' },
	'needs.admin.publishedDone': { zh: '已发布 {count} 条需求。', en: 'Published {count, plural, one {# need} other {# needs}}.' },
	'needs.admin.declinedDone': { zh: '已标记为不采纳。', en: 'Marked as declined.' },
	'needs.admin.backToRound': { zh: '返回轮次设置', en: 'Back to the round' },
	'needs.err.supportLimit': {
		zh: '今天从同一网络对这项需求的附议已达上限，请明天再试。',
		en: 'This need has had as many supports from your network today as it takes; please try again tomorrow.'
	},
	'needs.support.signal': {
		zh: '附议是居民关注程度的参考，不是投票：项目评审不按附议人数排序。',
		en: 'Supports are a signal of how many residents care, not a vote: proposals are not ranked by them.'
	}
} satisfies Messages;
