-- Parameters that law or the authority sets; a legal team overrides any of them with a params.lua
-- of its own in a directory given with --checks (unknown keys are errors; a list replaces a list).
params {
  -- 7.1 b, c: "近 3 年" counted back from the as-of date.
  lookback_years = 3,
  -- 7.4, from the 2024 provisions on promoting and regulating cross-border data flows
  -- (people counted since 1 January of the year).
  cb_assessment_persons = 1000000,          -- personal information: security assessment at or above
  cb_assessment_sensitive_persons = 10000,  -- sensitive personal information: assessment at or above
  cb_contract_persons = 100000,             -- personal information: standard contract / certification at or above
  -- 7.5 b: a risk assessment report must be at most this many months old (calendar
  -- months, Civil Code art. 202: 2025-03-16 is 12 months before 2026-03-16).
  risk_assessment_months = 12,

  -- Detection beyond the declared flags: the texts that describe a data resource (its
  -- name, source, purpose and field samples) are searched for these terms; a term found
  -- where the flag says otherwise holds the case for a person (manual), naming the term
  -- and the field.
  -- 7.6 b 统方: a term that names it outright, or a doctor-level term together with a
  -- prescription or consumable volume.
  tongfang_terms = {"统方"},
  tongfang_doctor_terms = {"医生工号", "医师工号", "医生编号", "医师编号", "医生编码", "医师编码",
                           "医生姓名", "医师姓名", "医生ID", "处方医生", "开方医生", "开单医生",
                           "按医生", "按医师", "每位医生", "各医生"},
  tongfang_volume_terms = {"处方量", "用药量", "开药量", "药品用量", "耗材用量", "耗材使用量",
                           "处方金额", "用药金额", "耗材金额"},
  -- 7.6 a: state secrets, national or public security.
  state_secret_terms = {"国家秘密", "涉密", "军队", "部队", "军事"},
  -- 6.1.1 public-data products: public data platforms and government sources.
  public_data_terms = {"公共数据", "政务数据", "政务信息资源", "授权运营", "政务云", "政府部门",
                       "卫生健康委员会", "卫健委", "疾病预防控制中心", "疾控中心", "医疗保障局",
                       "医保局", "统计局", "政务服务数据管理局", "数据资源局"},

  -- 7.3 b: "根据相关规定向有关部门申报". Under the Regulation on human genetic resources and
  -- its implementing rules, collection (of the kinds listed there), preservation and
  -- international scientific cooperation need an approval (行政许可); providing
  -- information abroad or opening it to use is filed (备案); using information inside
  -- the country needs neither. The scenario is read from the genetic scope and purpose.
  hgr_approval_terms = {"采集", "保藏", "国际合作科学研究", "国际科学研究合作", "材料出境"},
  hgr_filing_terms = {"对外提供", "开放使用", "国际合作临床试验", "境外", "出境"},

  -- 5.1.6: the evidence each ground of cancellation needs (any one kind of material).
  cancel_evidence_a = {"cancellation_statement"},  -- 主动申请注销（注销说明）或丧失主体资格
  cancel_evidence_b = {"cancellation_statement"},  -- 无法继续存在或失去使用价值（注销说明）
  cancel_evidence_c = {"court_judgment"},          -- 生效法律文书
  cancel_evidence_d = {"other"},                   -- 整改通知及逾期未整改的记录
  cancel_evidence_e = {"other"},                   -- 有关部门的认定
  cancel_evidence_f = {"other"},                   -- 所依据的规定及事实
  -- The grounds on which the holder applies: the applicant must hold a right the
  -- certificate records, and every other holder must consent (a cancellation ends the
  -- whole certificate). On the other grounds the judgment or the authority decides.
  cancel_holder_grounds = {"a", "b"},
  -- 其他权利人同意注销或变更的书面材料 (5.1.6-holder-consent, 5.1-prior-holder)
  co_holder_consent_kinds = {"authorization"},
}
