import type { Messages } from '../types';

/** The holiday calendar admins keep (/admin/calendar), and what it tells the notice. */
export const calendar = {
	'admin.nav.calendar': { zh: '节假日日历', en: 'Holiday calendar' },
	'calendar.title': { zh: '节假日日历', en: 'Public holiday calendar' },
	'calendar.intro': {
		zh: '公示期按工作日计算：周一至周五，除去放假的日子，加上调休上班的周末。每年国务院办公厅公布下一年的放假安排（《国务院办公厅关于20XX年部分节假日安排的通知》，通常在 11 月）后，请在这里录入。公示期延续到未录入的年份时，公示不能发布。',
		en: 'A public notice runs for working days: Monday to Friday, less the days off, plus the weekend days made working days. Each year, when the State Council’s General Office publishes the next year’s arrangement (“国务院办公厅关于20XX年部分节假日安排的通知”, usually in November), record it here. A notice whose period runs into a year not recorded cannot be published.'
	},
	'calendar.missing': {
		zh: '尚未录入 {year} 年的放假安排：公示期延续到 {year} 年的公示无法发布。',
		en: 'The {year} arrangement is not recorded: a notice whose period runs into {year} cannot be published.'
	},
	'calendar.years': { zh: '已录入的年份', en: 'Recorded years' },
	'calendar.none': { zh: '还没有录入任何年份。', en: 'No year is recorded yet.' },
	'calendar.yearHeading': { zh: '{year} 年', en: '{year}' },
	'calendar.source': { zh: '依据：{source}', en: 'Source: {source}' },
	'calendar.recorded': { zh: '{who}于 {at} 录入', en: 'Recorded by {who} on {at}' },
	'calendar.recordedWithSystem': { zh: '随系统预置（{at}）', en: 'Came with the system ({at})' },
	'calendar.departs': {
		zh: '与法定节假日的常规安排不一致（录入人已确认）',
		en: 'Departs from the usual statutory pattern (confirmed by whoever recorded it)'
	},
	'calendar.workingDays': { zh: '全年 {count} 个工作日', en: '{count} working days in the year' },
	'calendar.holidays': { zh: '放假', en: 'Days off (放假)' },
	'calendar.makeupWorkdays': { zh: '调休上班', en: 'Weekend days worked (调休上班)' },
	'calendar.noDays': { zh: '无', en: 'None' },
	'calendar.day': { zh: '{day}（{weekday}）', en: '{day} ({weekday})' },
	'calendar.range': { zh: '{from}至{to}，{days}', en: '{from} to {to}, {days}' },
	'calendar.days': { zh: '{count} 天', en: '{count, plural, one {# day} other {# days}}' },
	'calendar.replace': { zh: '替换 {year} 年的安排', en: 'Replace the {year} arrangement' },
	'calendar.form.title': { zh: '录入或替换一年的放假安排', en: 'Record or replace a year’s arrangement' },
	'calendar.form.replacing': {
		zh: '{year} 年已录入；保存将替换它，并需要填写说明。',
		en: '{year} is recorded already: saving replaces it, and needs a reason.'
	},
	'calendar.field.year': { zh: '年份', en: 'Year' },
	'calendar.field.source': { zh: '依据的通知', en: 'The notice it comes from' },
	'calendar.field.sourceHint': {
		zh: '通知的标题、文号和日期，例如：国务院办公厅关于2027年部分节假日安排的通知（2026年11月×日）。',
		en: 'The notice’s title, number and date, e.g. 国务院办公厅关于2027年部分节假日安排的通知 (published … November 2026).'
	},
	'calendar.field.holidays': { zh: '放假日期', en: 'Days off (放假)' },
	'calendar.field.holidaysHint': {
		zh: '每行一个日期或一段日期，如 2027-01-01 或 2027-02-05~2027-02-11，包括放假期间的周末。也可以把通知的各项原样粘贴，如“二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。”：这一栏只取“放假”的日期，“上班”的日期由下一栏读取。',
		en: 'One date or range per line, e.g. 2027-01-01 or 2027-02-05~2027-02-11, weekends inside the holiday included. Or paste the notice’s items as they are, e.g. “二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。”: this box takes the days off (放假) only, the next one the days worked (上班).'
	},
	'calendar.field.makeupWorkdays': { zh: '调休上班日期', en: 'Weekend days worked (调休上班)' },
	'calendar.field.makeupHint': {
		zh: '通知中要上班的周六、周日，每行一个，如 2027-02-20；也可以粘贴与上一栏相同的通知各项，这一栏只取“上班”的日期。',
		en: 'The Saturdays and Sundays the notice makes working days, one per line, e.g. 2027-02-20; or paste the same items of the notice as above: this box takes the days worked (上班) only.'
	},
	'calendar.field.departs': {
		zh: '这一年的通知与法定节假日的常规安排不一致（例如临时增加的纪念日放假），我已逐日核对',
		en: 'This year’s notice departs from the usual statutory pattern (e.g. a one-off commemoration day), and I have checked it day by day'
	},
	'calendar.field.reason': { zh: '说明', en: 'Reason' },
	'calendar.field.reasonHint': {
		zh: '替换已录入的年份时必填；和录入人、时间一起记入审计日志。',
		en: 'Required to replace a recorded year; kept in the audit log with who and when.'
	},
	'calendar.preview': { zh: '预览', en: 'Preview' },
	'calendar.save': { zh: '保存', en: 'Save' },
	'calendar.preview.title': { zh: '{year} 年预览', en: 'Preview of {year}' },
	'calendar.preview.statutory': {
		zh: '放假的工作日 {weekdays} 天，减去调休上班 {makeup} 天，合 {count} 天法定节假日（《全国年节及纪念日放假办法》：{statutory} 天）。',
		en: '{weekdays} weekdays off, less {makeup} weekend days worked, make {count} statutory holidays (the national holiday rules: {statutory}).'
	},
	'calendar.preview.new': { zh: '{year} 年尚未录入：保存将新增这一年。', en: '{year} is not recorded yet: saving adds it.' },
	'calendar.preview.replaces': {
		zh: '保存将替换 {at} 录入的安排（{source}）。',
		en: 'Saving replaces the arrangement recorded on {at} ({source}).'
	},
	'calendar.preview.unchanged': { zh: '已发布的公示都不受影响。', en: 'No published notice is affected.' },
	'calendar.preview.changed': {
		zh: '这会改变已发布公示的工作日：{rounds}。公示的截止日已经公布，保存将被拒绝。',
		en: 'This would change the working days of published notices: {rounds}. Their end dates are published, so saving will be refused.'
	},
	'calendar.preview.month': { zh: '月份', en: 'Month' },
	'calendar.preview.monthDays': { zh: '工作日', en: 'Working days' },
	'calendar.saved': { zh: '已保存 {year} 年的放假安排。', en: 'The {year} arrangement is saved.' },

	'calendar.err.year': { zh: '请填写 {min} 至 {max} 之间的年份。', en: 'Enter a year from {min} to {max}.' },
	'calendar.err.unreadable': {
		zh: '第 {line} 行无法识别：“{text}”。请写成 2027-02-05、2027-02-05~2027-02-11 或 2月5日至11日。',
		en: 'Line {line} cannot be read: “{text}”. Write 2027-02-05, 2027-02-05~2027-02-11 or 2月5日至11日.'
	},
	'calendar.err.mixed': {
		zh: '第 {line} 行的“{text}”同时说到放假和上班，请把两者用句号分开。',
		en: 'Line {line}: “{text}” speaks of both days off (放假) and days worked (上班): split them with a full stop.'
	},
	'calendar.err.backwards': {
		zh: '第 {line} 行的日期段“{text}”结束早于开始。',
		en: 'The range “{text}” on line {line} ends before it starts.'
	},
	'calendar.err.rangeTooLong': {
		zh: '第 {line} 行的日期段“{text}”超过 31 天，请检查。',
		en: 'The range “{text}” on line {line} is longer than 31 days: check it.'
	},
	'calendar.err.outsideYear': {
		zh: '{day} 不在 {year} 年内（上一年只允许 {from} 起的几天，用于跨年的元旦假期）。',
		en: '{day} is not in {year} (of the year before, only the days from {from} are allowed, for a New Year holiday that starts in December).'
	},
	'calendar.err.inBoth': { zh: '{day} 同时填在了放假和调休上班两栏。', en: '{day} is both a day off and a weekend day worked.' },
	'calendar.err.makeupWeekday': {
		zh: '{day} 不是周六或周日：调休上班只安排在周末。',
		en: '{day} is not a Saturday or Sunday: only weekend days are made working days.'
	},
	'calendar.err.tooMany': { zh: '日期过多（最多 {max} 天），请检查。', en: 'Too many days (at most {max}): check the list.' },
	'calendar.err.fixedMissing': {
		zh: '放假日期缺少 {day}：元旦（1月1日）、劳动节（5月1日、2日）和国庆节（10月1日至3日）是固定日期的法定节假日。如通知确有特殊安排，请勾选下方“与常规安排不一致”。',
		en: 'The days off lack {day}: New Year’s Day (1 January), Labour Day (1–2 May) and National Day (1–3 October) are statutory holidays on fixed dates. If the notice really says otherwise, tick “departs from the usual pattern” below.'
	},
	'calendar.err.statutoryCount': {
		zh: '放假的工作日 {weekdays} 天减去调休上班 {makeup} 天为 {count} 天，而法定节假日共 {statutory} 天（《全国年节及纪念日放假办法》）：请检查是否漏填或多填了日期。如通知确有特殊安排，请勾选下方“与常规安排不一致”。',
		en: '{weekdays} weekdays off less {makeup} weekend days worked is {count}, but there are {statutory} statutory holidays (the national holiday rules): check for a missing or extra date. If the notice really says otherwise, tick “departs from the usual pattern” below.'
	},
	'calendar.err.reasonToReplace': {
		zh: '这一年已录入：替换它需要填写说明。',
		en: 'This year is recorded already: give a reason to replace it.'
	},
	'calendar.err.clash': {
		zh: '{day} 在 {year} 年的安排中是相反的类型（放假或上班），请先核对两年的通知。',
		en: '{day} is the other way round (day off or working day) in the {year} arrangement: check both years’ notices first.'
	},
	'calendar.err.noticesChanged': {
		zh: '未保存：这会改变已发布公示的工作日（{rounds}），而公示的截止日已经公布。{year} 年中这些公示期内的日期请保持原样。',
		en: 'Not saved: this would change the working days of published notices ({rounds}), whose end dates are published. Keep the days of {year} inside those notice periods as they are.'
	},
	'decision.calendarLink': { zh: '录入 {year} 年的放假安排', en: 'Record the {year} arrangement' }
} satisfies Messages;
