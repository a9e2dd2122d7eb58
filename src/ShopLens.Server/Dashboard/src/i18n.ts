// Every label in English and Chinese, the number and date formats of each, and the switch between them.
// The first visit follows navigator.language; a choice made with the toggle is remembered (localStorage).

export type Language = "en" | "zh";

const LanguageItem = "shoplens.language";

const en = {
  "app.subtitle": "customer insight",
  "app.footer": "ShopLens · customer insight for online shops · figures from this server's store",
  "key.title": "Connect with an API key",
  "key.help": "Create one with `shoplens keys create --role analyst` (or admin). Analysts see pseudonymised customers when the server has a pseudonym key.",
  "key.label": "API key",
  "key.connect": "Connect",
  "key.storage": "The key is kept in this tab's session storage only and sent as X-Api-Key.",
  "key.forget": "Forget key",
  "key.connected": "connected",
  "key.rejected": "The server did not accept this key.",
  "tab.overview": "Overview",
  "tab.segments": "Segments",
  "tab.funnel": "Funnel",
  "tab.cohorts": "Cohorts",
  "tab.customer": "Customer 360°",
  "tab.models": "Models",
  "common.loading": "Loading…",
  "common.none": "—",
  "common.customers": "Customers",
  "common.revenue": "Revenue",
  "common.share": "Share",
  "common.events": "Events",
  "common.refresh": "Refresh",
  "common.model": "Model",
  "common.trained": "Trained",
  "error.title": "The request failed",
  "error.network": "The server could not be reached.",
  "kpi.customers": "Customers",
  "kpi.buyers": "Buyers",
  "kpi.revenue": "Revenue",
  "kpi.conversion": "Buyer conversion",
  "kpi.conversion.note": "of customers ever bought",
  "kpi.orders": "Orders",
  "kpi.churn": "Churn risk",
  "kpi.churn.note": "at risk or churned",
  "kpi.events": "Events",
  "kpi.products": "Products",
  "kpi.period": "{from} – {to}",
  "kpi.live": "{n} live events since start",
  "overview.lifecycle": "Customers by lifecycle stage",
  "overview.lifecycle.note": "Red bars are the churn risk: at risk and churned.",
  "overview.value": "Value forecast by decile",
  "overview.value.note": "Customers ranked by forecast CLV ({model}) in ten groups; bars show the mean, the line the total.",
  "overview.value.none": "No value forecast yet: run `shoplens train clv` and reload the models.",
  "overview.events": "Events by type, and the most active categories",
  "overview.meanClv": "Mean CLV",
  "overview.totalClv": "Total CLV",
  "overview.decile": "Decile {n}",
  "segments.pick": "Segmentation",
  "segments.chart": "Customers and revenue by segment",
  "segments.pie": "Share of customers",
  "segments.none": "No saved segmentation: run `shoplens segment` first.",
  "segments.name": "Segment",
  "segments.rule": "Rule",
  "segments.buyers": "Buyers",
  "segments.revenueShare": "Revenue share",
  "segments.recency": "Mean recency (days)",
  "segments.frequency": "Mean orders",
  "segments.monetary": "Mean spend",
  "segments.total": "{n} customers, as of {date}",
  "segments.latest": "latest data",
  "funnel.title": "Funnel: {steps}",
  "funnel.window": "Conversion window",
  "funnel.entered": "Entered",
  "funnel.converted": "Converted",
  "funnel.conversion": "Conversion",
  "funnel.median": "Median time to convert",
  "funnel.step": "Step",
  "funnel.steps": "Steps",
  "funnel.fromPrevious": "From previous step",
  "funnel.fromStart": "From start",
  "funnel.dropOff": "Dropped off",
  "funnel.medianStep": "Median time to step",
  "cohorts.title": "Retention by cohort of first purchase",
  "cohorts.note": "Share of each cohort active in each later {period}; the first column is the cohort itself.",
  "cohorts.period": "Period",
  "cohorts.month": "month",
  "cohorts.week": "week",
  "cohorts.offset": "+{n}",
  "cohorts.cohort": "Cohort",
  "cohorts.size": "Size",
  "cohorts.none": "No purchases yet, so no cohorts.",
  "customer.prompt": "Customer id",
  "customer.lookup": "Look up",
  "customer.help": "Enter a customer id (an analyst enters the pseudonym shown elsewhere).",
  "customer.profile": "Profile",
  "customer.firstSeen": "First seen",
  "customer.region": "Region",
  "customer.channel": "Channel",
  "customer.ageBand": "Age band",
  "customer.hidden": "hidden for this role",
  "customer.stage": "Lifecycle stage",
  "customer.segments": "Segments",
  "customer.scores": "Scores",
  "customer.probability": "probability {p}, decile {d}",
  "customer.value": "Value forecast",
  "customer.pAlive": "P(alive)",
  "customer.expectedOrders": "Expected orders",
  "customer.expectedSpend": "Expected spend",
  "customer.clv": "CLV",
  "customer.nextOrder": "Next order",
  "customer.activity": "Activity",
  "customer.sessions": "Sessions",
  "customer.firstEvent": "First event",
  "customer.lastEvent": "Last event",
  "customer.recent": "Recent events",
  "customer.when": "When",
  "customer.type": "Type",
  "customer.product": "Product",
  "customer.recs": "Recommendations",
  "customer.recsFrom": "from {model}, trained {date}",
  "customer.recsLive": "{n} events since training count",
  "customer.reason": "Why",
  "customer.score": "Score",
  "customer.noRecs": "No recommendations.",
  "customer.noneYet": "None yet.",
  "models.served": "Served now",
  "models.servedRecommender": "Recommender {model}, trained {date}; snapshot of {snapshot}",
  "models.noRecommender": "No recommender is served: run `shoplens train recs` and reload.",
  "models.retraining": "A refit is running.",
  "models.lastRetrain": "Last refit: {model} in {s} s, {date}",
  "models.lastRetrainFailed": "Last refit of {model} failed: {error}",
  "models.predictions": "Prediction models",
  "models.task": "Task",
  "models.outcome": "Outcome",
  "models.learner": "Learner",
  "models.auc": "AUC (95% CI)",
  "models.prAuc": "PR-AUC",
  "models.lift": "Lift top 10%",
  "models.baseRate": "Base rate",
  "models.baseline": "Recency baseline AUC",
  "models.confidence": "Confidence",
  "models.features": "Top features",
  "models.none": "None saved.",
  "models.values": "Value models",
  "models.horizon": "Horizon (days)",
  "models.calibrationEnd": "Calibration end",
  "models.fit": "Fit",
  "models.recommenders": "Recommenders",
  "models.setting": "Setting",
  "models.servedMark": "served",
};

export type Label = keyof typeof en;

const zh: Record<Label, string> = {
  "app.subtitle": "客户洞察",
  "app.footer": "ShopLens · 网店客户洞察 · 数据来自本服务器的存储",
  "key.title": "使用 API 密钥连接",
  "key.help": "用 `shoplens keys create --role analyst`（或 admin）创建密钥。服务器设置了化名密钥时，分析师只看到化名后的客户。",
  "key.label": "API 密钥",
  "key.connect": "连接",
  "key.storage": "密钥只保存在本标签页的会话存储中，并以 X-Api-Key 发送。",
  "key.forget": "清除密钥",
  "key.connected": "已连接",
  "key.rejected": "服务器不接受此密钥。",
  "tab.overview": "总览",
  "tab.segments": "客户分群",
  "tab.funnel": "转化漏斗",
  "tab.cohorts": "同期群",
  "tab.customer": "客户 360°",
  "tab.models": "模型",
  "common.loading": "加载中…",
  "common.none": "—",
  "common.customers": "客户数",
  "common.revenue": "收入",
  "common.share": "占比",
  "common.events": "事件数",
  "common.refresh": "刷新",
  "common.model": "模型",
  "common.trained": "训练时间",
  "error.title": "请求失败",
  "error.network": "无法连接服务器。",
  "kpi.customers": "客户数",
  "kpi.buyers": "购买客户",
  "kpi.revenue": "收入",
  "kpi.conversion": "购买转化率",
  "kpi.conversion.note": "客户中曾经购买的比例",
  "kpi.orders": "订单数",
  "kpi.churn": "流失风险",
  "kpi.churn.note": "位客户有流失风险或已流失",
  "kpi.events": "事件数",
  "kpi.products": "商品数",
  "kpi.period": "{from} 至 {to}",
  "kpi.live": "启动以来 {n} 个实时事件",
  "overview.lifecycle": "各生命周期阶段的客户",
  "overview.lifecycle.note": "红色柱为流失风险：有流失风险和已流失。",
  "overview.value": "按十分位的价值预测",
  "overview.value.note": "客户按预测 CLV（{model}）排序分为十组；柱为均值，折线为总和。",
  "overview.value.none": "尚无价值预测：请运行 `shoplens train clv` 并重新加载模型。",
  "overview.events": "各类型事件与最活跃的品类",
  "overview.meanClv": "平均 CLV",
  "overview.totalClv": "CLV 总和",
  "overview.decile": "第 {n} 组",
  "segments.pick": "分群方式",
  "segments.chart": "各分群的客户与收入",
  "segments.pie": "客户占比",
  "segments.none": "没有已保存的分群：请先运行 `shoplens segment`。",
  "segments.name": "分群",
  "segments.rule": "规则",
  "segments.buyers": "购买客户",
  "segments.revenueShare": "收入占比",
  "segments.recency": "平均最近购买（天）",
  "segments.frequency": "平均订单数",
  "segments.monetary": "平均消费",
  "segments.total": "{n} 位客户，截至 {date}",
  "segments.latest": "最新数据",
  "funnel.title": "漏斗：{steps}",
  "funnel.window": "转化窗口",
  "funnel.entered": "进入",
  "funnel.converted": "完成转化",
  "funnel.conversion": "转化率",
  "funnel.median": "转化时间中位数",
  "funnel.step": "步骤",
  "funnel.steps": "各步骤",
  "funnel.fromPrevious": "相对上一步",
  "funnel.fromStart": "相对起点",
  "funnel.dropOff": "流失",
  "funnel.medianStep": "到达该步的时间中位数",
  "cohorts.title": "按首购同期群的留存",
  "cohorts.note": "每个同期群在之后每个{period}仍活跃的比例；第一列为同期群本身。",
  "cohorts.period": "周期",
  "cohorts.month": "月",
  "cohorts.week": "周",
  "cohorts.offset": "+{n}",
  "cohorts.cohort": "同期群",
  "cohorts.size": "人数",
  "cohorts.none": "尚无购买，因此没有同期群。",
  "customer.prompt": "客户 ID",
  "customer.lookup": "查询",
  "customer.help": "输入客户 ID（分析师请输入其他页面显示的化名）。",
  "customer.profile": "客户档案",
  "customer.firstSeen": "首次出现",
  "customer.region": "地区",
  "customer.channel": "渠道",
  "customer.ageBand": "年龄段",
  "customer.hidden": "此角色不可见",
  "customer.stage": "生命周期阶段",
  "customer.segments": "所属分群",
  "customer.scores": "预测得分",
  "customer.probability": "概率 {p}，第 {d} 十分位",
  "customer.value": "价值预测",
  "customer.pAlive": "存活概率",
  "customer.expectedOrders": "预期订单数",
  "customer.expectedSpend": "预期消费",
  "customer.clv": "客户终身价值",
  "customer.nextOrder": "下次下单",
  "customer.activity": "活跃情况",
  "customer.sessions": "会话数",
  "customer.firstEvent": "首个事件",
  "customer.lastEvent": "最近事件",
  "customer.recent": "最近事件",
  "customer.when": "时间",
  "customer.type": "类型",
  "customer.product": "商品",
  "customer.recs": "推荐商品",
  "customer.recsFrom": "来自 {model}，训练于 {date}",
  "customer.recsLive": "已计入训练后的 {n} 个事件",
  "customer.reason": "推荐理由",
  "customer.score": "得分",
  "customer.noRecs": "没有推荐。",
  "customer.noneYet": "暂无。",
  "models.served": "当前服务",
  "models.servedRecommender": "推荐模型 {model}，训练于 {date}；快照时间 {snapshot}",
  "models.noRecommender": "没有在服务的推荐模型：请运行 `shoplens train recs` 并重新加载。",
  "models.retraining": "正在重新训练。",
  "models.lastRetrain": "上次重新训练：{model}，用时 {s} 秒，{date}",
  "models.lastRetrainFailed": "上次重新训练 {model} 失败：{error}",
  "models.predictions": "预测模型",
  "models.task": "任务",
  "models.outcome": "预测目标",
  "models.learner": "算法",
  "models.auc": "AUC（95% 置信区间）",
  "models.prAuc": "PR-AUC",
  "models.lift": "前 10% 提升度",
  "models.baseRate": "基准率",
  "models.baseline": "最近度基线 AUC",
  "models.confidence": "可信度",
  "models.features": "主要特征",
  "models.none": "尚未保存。",
  "models.values": "价值模型",
  "models.horizon": "预测期（天）",
  "models.calibrationEnd": "校准截止",
  "models.fit": "拟合",
  "models.recommenders": "推荐模型",
  "models.setting": "设置",
  "models.servedMark": "服务中",
};

/** Names the server sends as data (lifecycle stages, event types, RFM segments, confidence), translated for display. */
const terms: Record<Language, Record<string, string>> = {
  en: {
    visitor: "visitor", browsing: "browsing", cart_abandoner: "cart abandoner", first_time_buyer: "first-time buyer",
    repeat_buyer: "repeat buyer", loyal: "loyal", at_risk: "at risk", churned: "churned",
    view: "view", click: "click", search: "search", favorite: "favourite", cart: "cart", remove_cart: "remove from cart",
    purchase: "purchase", refund: "refund", high: "high", medium: "medium", low: "low",
  },
  zh: {
    visitor: "访客", browsing: "浏览中", cart_abandoner: "弃购", first_time_buyer: "首购", repeat_buyer: "复购",
    loyal: "忠诚", at_risk: "有流失风险", churned: "已流失",
    view: "浏览", click: "点击", search: "搜索", favorite: "收藏", cart: "加购", remove_cart: "移出购物车",
    purchase: "购买", refund: "退款", high: "高", medium: "中", low: "低",
    Champions: "冠军客户", Loyal: "忠诚客户", "Potential Loyalist": "潜在忠诚客户", New: "新客户", Promising: "有潜力",
    "Need Attention": "需要关注", "About to Sleep": "即将沉睡", "At Risk": "有流失风险", "Can't Lose Them": "不能失去",
    Hibernating: "休眠", Lost: "已流失",
  },
};

const dictionaries: Record<Language, Record<Label, string>> = { en, zh };
let current: Language = initialLanguage();

function initialLanguage(): Language {
  const saved = localStorage.getItem(LanguageItem);
  if (saved === "en" || saved === "zh") return saved;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  localStorage.setItem(LanguageItem, next);
}

/** The label in the current language, with {name} placeholders filled in. */
export function t(label: Label, values: Record<string, string | number> = {}): string {
  return dictionaries[current][label].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** A data term (stage, event type, segment name) in the current language; unknown terms as they are. */
export function term(name: string): string {
  return terms[current][name] ?? name;
}

/** Fills every element marked data-i18n under root, and the page's lang attribute. */
export function translatePage(root: ParentNode = document): void {
  document.documentElement.lang = current === "zh" ? "zh-CN" : "en";
  for (const element of root.querySelectorAll<HTMLElement>("[data-i18n]"))
    element.textContent = t(element.dataset.i18n as Label);
}

const locale = () => (current === "zh" ? "zh-CN" : "en-US");

export const format = {
  count: (n: number | null | undefined) => (n == null ? t("common.none") : new Intl.NumberFormat(locale()).format(n)),
  compact: (n: number | null | undefined) =>
    n == null ? t("common.none") : new Intl.NumberFormat(locale(), { notation: "compact", maximumFractionDigits: 2 }).format(n),
  money: (n: number | null | undefined) =>
    n == null ? t("common.none") : new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n),
  number: (n: number | null | undefined, digits = 2) =>
    n == null ? t("common.none") : new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n),
  percent: (n: number | null | undefined, digits = 1) =>
    n == null ? t("common.none") : new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: digits }).format(n),
  date: (iso: string | null | undefined) =>
    iso ? new Intl.DateTimeFormat(locale(), { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(iso)) : t("common.none"),
  dateTime: (iso: string | null | undefined) =>
    iso
      ? new Intl.DateTimeFormat(locale(), { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(new Date(iso)) + " UTC"
      : t("common.none"),
  month: (iso: string, period: "month" | "week") =>
    new Intl.DateTimeFormat(locale(), period === "month" ? { year: "numeric", month: "short", timeZone: "UTC" } : { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(iso)),
  duration: (seconds: number | null | undefined) => {
    if (seconds == null) return t("common.none");
    const units: [number, string, string][] = [[86400, "d", "天"], [3600, "h", "小时"], [60, "min", "分钟"], [1, "s", "秒"]];
    const [size, enUnit, zhUnit] = units.find(([s]) => seconds >= s) ?? units[units.length - 1];
    const value = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(seconds / size);
    return current === "zh" ? `${value} ${zhUnit}` : `${value} ${enUnit}`;
  },
};
