-- hdreg demo data: fictitious subjects and cases (names, codes and figures are invented).
-- Loaded by `hdreg demo-db --db FILE` into a schema-v1 database. The fixed run date of
-- scripts/demo is 2026-03-16: cases whose notice ended before it are due for a certificate.
-- Each case's comment says what it demonstrates (registration type, procedure, and the
-- compliance point of clause 7 or registration rule it passes or fails).

-- Subjects (登记主体 and rights holders).
-- subject 1: public hospital, valid code
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (1, '广东省南粤人民医院', '124400004558580114', 'public_hospital', '陈志明', '广州市越秀区中山二路106号', '陈志明', '020-80013579', 'data01@example.cn', '2029-06-30', '信息科及数据治理办公室28人；通过DCMM三级评估；2024年数据安全风险评估报告');
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (2, '广州市珠江中心医院', '1244010045512873XG', 'public_hospital', '黄立新', '广州市海珠区江南大道中321号', '黄立新', '020-80027158', 'data02@example.cn', '2028-12-31', '数据管理团队15人；等保三级');
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (3, '深圳市鹏城医学检验实验室有限公司', '91440300MA5F7K2X5F', 'company', '刘晓东', '深圳市南山区科技园科发路8号', '刘晓东', '020-80040737', 'data03@example.cn', '2030-03-31', '持有医学检验实验室执业许可；数据工程师22人');
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (4, '佛山市禅城健康数据科技有限公司', '91440600MA4W3P1Q7K', 'company', '梁嘉怡', '佛山市禅城区季华五路22号', '梁嘉怡', '020-80054316', 'data04@example.cn', '2031-01-15', '数据安全工程师9人；ISO/IEC 27001认证');
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (5, '中山市岐江医院', '12442000457022197J', 'public_hospital', '吴振华', '中山市石岐区孙文中路18号', '吴振华', '020-80067895', 'data05@example.cn', '2029-09-30', '医学伦理委员会已备案；信息中心12人');
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (6, '广东粤康医疗大数据有限公司', '91440100MA59UT8K1E', 'company', '郑伟', '广州市天河区珠江东路16号', '郑伟', '020-80081474', 'data06@example.cn', '2030-07-31', '数据合规团队30人；DCMM四级；数据安全负责人：何文博');
-- subject 7: human genetic resources
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (7, '东莞市松山湖基因科技有限公司', '91441900MA51HN6R10', 'company', '钟海燕', '东莞市松山湖高新区工业北路6号', '钟海燕', '020-80095053', 'data07@example.cn', '2030-05-31', '基因测序平台；生物信息分析师40人');
-- subject 8: cross-border
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (8, '珠海横琴跨境医疗数据服务有限公司', '91440400MA53BD2L9C', 'company', '欧阳明', '珠海市横琴新区环岛东路3000号', '欧阳明', '020-80108632', 'data08@example.cn', '2031-06-30', '跨境数据合规团队11人');
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (9, '汕头市潮汕中心医院', '124405004558991710', 'public_hospital', '林少雄', '汕头市金平区外马路114号', '林少雄', '020-80122211', 'data09@example.cn', '2029-03-31', '信息科10人');
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (10, '湛江市南海妇幼保健院', '124408004562043350', 'public_hospital', '陈秀兰', '湛江市赤坎区人民大道北16号', '陈秀兰', '020-80135790', 'data10@example.cn', '2028-10-31', '妇幼信息平台运维团队8人');
-- subject 11: rare character outside the BMP (U+20BB7) in the holder name
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (11, '𠮷祥健康管理（深圳）有限公司', '91440300MA5H2Q7T5B', 'company', '𠮷田浩', '深圳市福田区深南大道6008号', '𠮷田浩', '020-80149369', 'data11@example.cn', '2030-12-31', '健康管理数据团队16人');
-- subject 12: long holder name
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (12, '广州市天河区珠江新城国际健康医疗大数据产业创新研究与应用服务中心有限公司', '91440106MA9Y8R3N99', 'company', '司徒嘉豪', '广州市天河区珠江新城华夏路30号富力盈通大厦41层', '司徒嘉豪', '020-80162948', 'data12@example.cn', '2031-08-31', '数据科学家35人；DCMM三级');
-- subject 13: private non-profit (52...)
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (13, '广东省医学数据研究院', '52440000MJL123454F', 'research', '何雅琴', '广州市越秀区东风中路437号', '何雅琴', '020-80176527', 'data13@example.cn', '2030-01-31', '研究人员60人；数据安全管理体系认证');
-- subject 14: invalid code: wrong GB 32100 check character
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (14, '惠州市西湖智慧医疗科技有限公司', '91441300MA55XK9D99', 'company', '彭丽', '惠州市惠城区江北文昌一路9号', '彭丽', '020-80190106', 'data14@example.cn', '2030-04-30', '数据团队6人');
-- subject 15: invalid code: full-width digits from a legacy system
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (15, '江门市侨乡康复医院', '５２４４０７00MJ9K7701X4', 'private_hospital', '甄国强', '江门市蓬江区建设路88号', '甄国强', '020-80203685', 'data15@example.cn', '2029-11-30', '康复数据团队4人');
-- subject 16: serious dishonesty record 2024 (7.1 b)
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (16, '韶关市丹霞医药科技有限公司', '91440200MA52RT4G05', 'company', '邓建华', '韶关市浈江区风度中路35号', '邓建华', '020-80217264', 'data16@example.cn', '2030-02-28', '数据团队5人');
-- subject 17: data-related administrative penalty 2025 (7.1 c)
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (17, '清远市北江数据服务有限公司', '91441800MA54LM8EX9', 'company', '罗志强', '清远市清城区北江二路12号', '罗志强', '020-80230843', 'data17@example.cn', '2030-06-30', '数据团队7人');
-- subject 18: criminal record 2021, older than 3 years (7.1 c passes)
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (18, '茂名市南方医疗信息有限公司', '91440900MA4X6C2B26', 'company', '杨文', '茂名市茂南区油城五路20号', '杨文', '020-80244422', 'data18@example.cn', '2030-09-30', '数据团队9人');
-- subject 19: no capability evidence (7.1 d needs a human)
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (19, '河源市万绿湖健康科技有限公司', '91441600MA4Y1F5H2U', 'company', '曾小燕', '河源市源城区长风路7号', '曾小燕', '020-80258001', 'data19@example.cn', '2030-10-31', NULL);
-- subject 20: licence expired 2025-12-31 (7.1 a)
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (20, '阳江市漠阳江医院', '52441700MJ8P22038T', 'private_hospital', '冯德明', '阳江市江城区东风三路58号', '冯德明', '020-80271580', 'data20@example.cn', '2025-12-31', '信息科3人');
-- subject 21: 统方 data (7.6 b)
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (21, '梅州市客都医药连锁有限公司', '91441400MA4T9D3JX0', 'company', '温国平', '梅州市梅江区彬芳大道1号', '温国平', '020-80285159', 'data21@example.cn', '2030-08-31', '数据团队4人');
-- subject 22: public-data products (ordinary procedure)
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (22, '广东省南粤公共卫生数据运营有限公司', '91440000MA5A1B2C1W', 'company', '许志华', '广州市越秀区先烈南路17号', '许志华', '020-80298738', 'data22@example.cn', '2031-03-31', '公共数据授权运营团队25人');
-- subject 23: state-secret related data (7.6 a)
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (23, '潮州市韩江医疗器械有限公司', '91445100MA4R7E8F9J', 'company', '翁俊', '潮州市湘桥区潮枫路15号', '翁俊', '020-80312317', 'data23@example.cn', '2030-11-30', '数据团队3人');
-- subject 24: invalid code: wrong GB 11714 check character (position 17)
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (24, '揭阳市榕城区人民医院', '124452024563119000', 'public_hospital', '黄晓东', '揭阳市榕城区临江北路31号', '黄晓东', '020-80325896', 'data24@example.cn', '2029-07-31', '信息科6人');
-- subject 25: licensee
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (25, '广州医科数据交易服务有限公司', '91440101MA5CJQ4N59', 'company', '谢雨桐', '广州市南沙区南沙街进港大道80号', '谢雨桐', '020-80339475', 'data25@example.cn', '2031-02-28', '数据经纪团队18人');
-- subject 26: transferee
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (26, '深圳市前海健康保险科技有限公司', '91440300MA5G4U6W47', 'company', '卢振宇', '深圳市前海深港合作区前湾一路1号', '卢振宇', '020-80353054', 'data26@example.cn', '2031-05-31', '精算与数据团队26人');
-- subject 27: name with a middle dot (·)
INSERT INTO subjects(id, name, uscc, kind, legal_rep, address, contact_name, contact_phone, contact_email, id_doc_valid_until, capability_evidence) VALUES (27, '阿卜杜拉·买买提健康咨询（广州）有限公司', '91440104MA9W2E7Q92', 'company', '阿卜杜拉·买买提', '广州市越秀区环市东路339号', '阿卜杜拉·买买提', '020-80366633', 'data27@example.cn', '2030-12-31', '健康咨询数据团队5人');

INSERT INTO subject_records(subject_id, kind, record_date, authority, description, lifted_date) VALUES
  (16, 'serious_dishonesty', '2024-05-20', '广东省市场监督管理局', '列入严重违法失信名单（提供虚假材料骗取登记）', NULL),
  (17, 'data_penalty', '2025-03-11', '清远市网信办', '违反《数据安全法》第二十七条，未履行数据安全保护义务，罚款十万元', NULL),
  (18, 'criminal', '2021-05-08', '茂名市茂南区人民法院', '原数据主管人员因侵犯公民个人信息罪被追究刑事责任', NULL),
  (18, 'serious_dishonesty', '2022-01-10', '茂名市市场监督管理局', '列入经营异常名录（已移出）', '2022-07-01');

-- Data resources.
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (1, 1, '南粤人民医院住院电子病历数据集（2018—2024年）', 'medical_application', 3, '南粤人民医院电子病历系统、住院管理系统', '临床科研与质量管理', 12860000, 415001214976, '住院号（假名）、入院诊断（ICD-10）、手术操作（ICD-9-CM-3）、出院小结', 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, anonymised) VALUES (2, 6, '粤康区域慢病随访数据集', 'health_status', 3, '广州市社区卫生服务中心随访系统（经授权汇聚）', '慢病管理模型研发', 5430000, 99106370355, '随访编号、血压、血糖、用药依从性', 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (3, 2, '珠江中心医院医学影像数据集（胸部CT）', 'medical_application', 4, '珠江中心医院影像归档与通信系统', '影像人工智能辅助诊断研发', 860000, 15247133900800, '检查号（假名）、DICOM影像、放射报告结论', 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, anonymised) VALUES (4, 3, '鹏城医学检验结果数据集', 'medical_application', 3, '鹏城医学检验实验室实验室信息系统', '检验质控与参考区间研究', 23800000, 66357244723, '样本号、检验项目、结果值、参考区间', 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, anonymised) VALUES (5, 9, '潮汕地区地中海贫血筛查数据集', 'public_health', 2, '汕头市潮汕中心医院筛查门诊', '公共卫生筛查效果评估', 310000, 2576980377, '筛查编号、血红蛋白电泳结果、地区', 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, anonymised) VALUES (6, 11, '𠮷祥健康体检数据集（2021—2025年）', 'health_status', 3, '𠮷祥健康管理体检中心信息系统', '健康风险评估模型', 2150000, 41446434406, '体检号（假名）、身高、体重、血压、血脂四项', 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (7, 12, '粤港澳大湾区跨机构多中心真实世界研究心血管疾病诊疗与随访结局数据集（2015—2025年，含住院、门诊、检验、影像、随访五类子集）', 'medical_application', 4, '广州市天河区珠江新城国际健康医疗大数据产业创新研究与应用服务中心有限公司经授权汇聚的大湾区二十三家三级医院电子病历系统、实验室信息系统、影像归档与通信系统及随访管理平台', '真实世界研究', 48600000, 2308544921600, '研究编号、诊断、用药、检验、影像报告结论、随访结局', 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, anonymised, public_product) VALUES (8, 22, '广东省公共卫生监测数据产品（传染病疫情趋势）', 'public_health', 1, '广东省公共卫生监测数据（经授权运营）', '公共卫生决策支持数据产品', 1200000, 6012954214, '地区、周次、病种、发病数（聚合统计）', 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (9, 10, '南海妇幼孕产妇保健数据集', 'health_status', 4, '湛江市南海妇幼保健院妇幼保健信息系统', '孕产期保健质量研究', 680000, 12025908428, '保健手册号（假名）、孕周、产检结果、分娩结局', 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (10, 1, '南粤人民医院住院电子病历数据集（2018—2024年）——科研使用许可', 'medical_application', 3, '南粤人民医院电子病历系统、住院管理系统', '临床科研', 12860000, 415001214976, '住院号（假名）、入院诊断、出院小结', 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, anonymised) VALUES (11, 6, '粤康区域慢病随访数据集——经营权转让', 'health_status', 3, '广州市社区卫生服务中心随访系统（经授权汇聚）', '慢病管理模型研发', 5430000, 99106370355, '随访编号、血压、血糖、用药依从性', 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (12, 2, '珠江中心医院医学影像数据集（胸部CT，2025年扩充）', 'medical_application', 4, '珠江中心医院影像归档与通信系统', '影像人工智能辅助诊断研发', 1240000, 21990232555520, '检查号（假名）、DICOM影像、放射报告结论', 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (13, 5, '岐江医院糖尿病专病数据集', 'medical_application', 3, '中山市岐江医院电子病历系统、内分泌专科随访平台', '糖尿病并发症预测研究', 420000, 9341553868, '患者ID（假名）、糖化血红蛋白、并发症诊断', 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, anonymised) VALUES (14, 27, '健康咨询服务记录统计数据集', 'health_resource', 2, '阿卜杜拉·买买提健康咨询（广州）有限公司咨询服务系统', '服务质量分析', 56000, 322122547, '咨询类别、时长、满意度（聚合统计）', 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, anonymised) VALUES (15, 4, '禅城区医保结算统计数据集', 'medical_payment', 3, '佛山市禅城区医保结算数据（经授权）', '医保基金运行分析', 3900000, 8053063680, '结算月份、病种分组、费用类别、金额（聚合）', 0, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, anonymised) VALUES (16, 15, '侨乡康复医院康复评估数据集', 'health_status', 3, '江门市侨乡康复医院康复评估系统', '康复疗效研究', 88000, 1181116006, '评估编号、Barthel指数、功能分级', 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (17, 13, '广东省医学数据研究院队列研究数据集', 'health_status', 4, '广东省医学数据研究院前瞻性队列', '队列研究', 150000, 3543348019, '队列编号、基线调查、随访结局', 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (18, 9, '潮汕中心医院肿瘤登记数据集', 'medical_application', 4, '汕头市潮汕中心医院肿瘤登记系统', '肿瘤流行病学研究', 96000, 2040109465, '登记号（假名）、肿瘤部位、分期、生存状态', 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, anonymised) VALUES (19, 16, '丹霞医药零售销售数据集', 'medical_payment', 2, '韶关市丹霞医药科技有限公司门店销售系统', '市场分析', 2600000, 3221225472, '门店、药品类别、销量（聚合）', 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, anonymised) VALUES (20, 17, '北江健康数据服务平台日志数据集', 'health_resource', 2, '清远市北江数据服务有限公司平台', '运营分析', 8700000, 12884901888, '访问时间、功能模块、终端类型', 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, anonymised) VALUES (21, 18, '南方医疗信息区域卫生资源数据集', 'health_resource', 1, '茂名市卫生资源统计（公开数据整理）', '卫生资源配置研究', 42000, 107374182, '机构、床位数、卫技人员数', 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, anonymised) VALUES (22, 19, '万绿湖健康科技可穿戴设备数据集', 'health_status', 3, '河源市万绿湖健康科技有限公司可穿戴设备平台', '健康管理服务', 1800000, 26843545600, '设备号（假名）、心率、步数、睡眠时长', 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (23, 20, '漠阳江医院门诊病历数据集', 'medical_application', 3, '阳江市漠阳江医院门诊系统', '临床科研', 640000, 6657199308, '门诊号（假名）、诊断、处方', 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, anonymised, needs_identification) VALUES (24, 1, '南粤人民医院门诊满意度调查数据集', 'health_resource', 2, '南粤人民医院患者满意度调查系统', '服务质量改进', 230000, 429496729, '调查编号、科室、满意度评分、姓名、手机号', 1, 0, 0, 0);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, anonymised) VALUES (25, 2, '珠江中心医院检验科室间质评数据集', 'medical_application', 2, '珠江中心医院实验室信息系统', '检验质量管理', 120000, 644245094, '质评批次、项目、偏差（匿名化）', 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (26, 9, '潮汕中心医院透析患者管理数据集', 'medical_application', 4, '汕头市潮汕中心医院血液净化管理系统', '透析质量改进', 18000, 966367641, '患者姓名、身份证号、透析记录', 1, 1, 0, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (27, 10, '南海妇幼新生儿听力筛查数据集', 'public_health', 3, '湛江市南海妇幼保健院新生儿筛查系统', '筛查随访', 95000, 751619276, '筛查编号（假名）、筛查结果、复筛结果', 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (28, 4, '禅城健康App用户健康档案数据集', 'health_status', 4, '佛山市禅城健康数据科技有限公司健康App', '个性化健康管理', 760000, 5153960755, '用户ID、手机号、体征数据、既往病史', 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification, automated_decision, provided_to_others) VALUES (29, 4, '禅城健康App慢病风险评分数据集', 'health_status', 4, '佛山市禅城健康数据科技有限公司健康App', '向保险机构提供风险评分', 760000, 1288490188, '用户ID（假名）、风险评分、评分依据', 1, 1, 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification, entrusted) VALUES (30, 3, '鹏城检验用户自助查询数据集', 'medical_application', 3, '鹏城医学检验实验室自助查询平台', '检验结果推送', 4100000, 10630044057, '用户ID（假名）、检验项目、结果', 1, 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification, human_research, genetic) VALUES (31, 7, '松山湖人群全基因组测序数据集', 'health_status', 5, '东莞市松山湖基因科技有限公司测序平台', '遗传病致病位点研究', 12000, 103079215104000, '样本编号、测序数据（FASTQ/BAM）、表型', 1, 1, 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification, human_research, genetic, genetic_scope, public_product) VALUES (32, 7, '松山湖肿瘤基因突变谱数据产品', 'health_status', 5, '东莞市松山湖基因科技有限公司测序平台（经授权公共数据融合）', '肿瘤靶向用药研究', 35000, 1932735283200, '样本编号（假名）、突变位点、用药反应', 1, 1, 1, 1, 1, 1, '人类遗传资源信息：肿瘤体细胞突变数据；不含人类遗传资源材料', 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification, cross_border, cb_persons, cb_sensitive_persons, cb_destination) VALUES (33, 8, '横琴跨境就医病历数据集', 'medical_application', 4, '珠海横琴跨境医疗数据服务有限公司（合作医院汇聚）', '向澳门合作医疗机构提供', 1500000, 42949672960, '病历号（假名）、诊断、处方', 1, 1, 1, 1, 1, 1200000, 1200000, '中国澳门特别行政区');
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification, cross_border, cb_persons, cb_sensitive_persons, cb_destination) VALUES (34, 8, '横琴跨境远程会诊影像数据集', 'medical_application', 4, '珠海横琴跨境医疗数据服务有限公司远程会诊平台', '跨境远程会诊', 60000, 966367641600, '会诊号（假名）、影像、会诊意见', 1, 1, 1, 1, 1, 50000, 50000, '中国香港特别行政区');
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification, cross_border, cb_persons, cb_sensitive_persons, cb_destination) VALUES (35, 8, '横琴跨境健康保险理赔统计数据集', 'medical_payment', 3, '珠海横琴跨境医疗数据服务有限公司理赔平台', '跨境保险理赔', 300000, 2147483648, '保单号（假名）、理赔类别、金额', 1, 0, 1, 1, 1, 300000, 0, '中国澳门特别行政区');
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, important) VALUES (36, 6, '粤康全省医疗机构运营重要数据集', 'health_resource', 4, '广东粤康医疗大数据有限公司汇聚', '卫生资源规划', 9800000, 161061273600, '机构编码、床位使用率、手术量', 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification, important, security_officer) VALUES (37, 6, '粤康全省传染病诊疗重要数据集', 'public_health', 5, '广东粤康医疗大数据有限公司汇聚', '传染病防控研究', 2600000, 51539607552, '病例编号（假名）、病种、诊疗结局', 1, 1, 1, 1, 1, '何文博（数据安全负责人）');
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, tongfang) VALUES (38, 21, '客都医药医生处方用药量统计数据集', 'medical_application', 3, '梅州市客都医药连锁有限公司处方流转平台', '按医生统计处方用药量', 320000, 536870912, '医生工号、药品、处方量（按医生统计）', 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, state_secret) VALUES (39, 23, '韩江医疗器械军队医院采购数据集', 'health_resource', 3, '潮州市韩江医疗器械有限公司销售系统', '销售分析', 4000, 10737418, '采购单位（军队医院）、器械型号、数量', 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (40, 9, '潮汕中心医院病理切片数字化数据集', 'medical_application', 4, '汕头市潮汕中心医院数字病理系统', '病理人工智能研究', 52000, 4080218931200, '切片号（假名）、病理诊断', 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, anonymised) VALUES (41, 16, '丹霞医药会员健康档案数据集', 'health_status', 3, '韶关市丹霞医药科技有限公司会员系统', '会员服务', 210000, 858993459, '会员号、慢病标签', 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, anonymised) VALUES (42, 4, '禅城健康App运动数据集', 'health_status', 2, '佛山市禅城健康数据科技有限公司健康App', '运动健康服务', 900000, 2362232012, '用户ID（假名）、步数', 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, anonymised) VALUES (43, 9, '潮汕地区地中海贫血筛查数据集（注销）', 'public_health', 2, '汕头市潮汕中心医院筛查门诊', '公共卫生筛查效果评估', 310000, 2576980377, '筛查编号、血红蛋白电泳结果、地区', 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, anonymised) VALUES (44, 6, '粤康区域慢病随访数据集（注销）', 'health_status', 3, '广州市社区卫生服务中心随访系统', '慢病管理模型研发', 5430000, 99106370355, '随访编号、血压、血糖', 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, anonymised) VALUES (45, 25, '广州医科数据交易服务转授权数据集', 'medical_application', 3, '广州医科数据交易服务有限公司', '数据经纪', 100000, 1073741824, '—', 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, anonymised, public_product) VALUES (46, 22, '广东省公共卫生监测数据产品（慢病地图）', 'public_health', 1, '广东省公共卫生监测数据（经授权运营）', '公共卫生数据产品', 800000, 3328599654, '地区、年份、病种、患病率（聚合统计）', 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification, human_research) VALUES (47, 5, '岐江医院临床试验受试者数据集', 'medical_application', 4, '中山市岐江医院临床试验管理系统', '药物临床试验', 3200, 214748364, '受试者编号、访视数据、不良事件', 1, 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, deidentified, needs_identification) VALUES (48, 2, '珠江中心医院急诊分诊数据集', 'medical_application', 3, '珠江中心医院急诊信息系统', '急诊质量改进', 2400000, 5905580032, '就诊号（假名）、分诊级别、候诊时间', 1, 1, 1, 1);
INSERT INTO resources(id, owner_id, name, data_class, grade, source, purpose, scale_records, scale_bytes, field_samples, personal_info, sensitive, anonymised) VALUES (49, 24, '榕城区人民医院住院费用数据集', 'medical_payment', 3, '揭阳市榕城区人民医院收费系统', '费用结构分析', 510000, 1395864371, '住院号（假名）、费用类别、金额', 1, 1, 1);

-- Cases. Comments say what each one demonstrates.
-- case 1: first registration, certified 2025-06-20 (certificate 1)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (1, 'SQ-2025-0001', 'first', 'simplified', 'certified', 1, NULL, 1, '2025-04-02', '2025-04-02', '2025-04-28', NULL, '2025-05-06', '2025-05-20', '2025-06-20', NULL, NULL, NULL, NULL);
-- case 2: first registration, certified 2025-08-11 (certificate 2)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (2, 'SQ-2025-0002', 'first', 'simplified', 'certified', 6, NULL, 2, '2025-06-03', '2025-06-03', '2025-06-30', NULL, '2025-07-07', '2025-07-21', '2025-08-11', NULL, NULL, NULL, NULL);
-- case 3: first registration, certified 2025-09-30 (certificate 3)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (3, 'SQ-2025-0003', 'first', 'simplified', 'certified', 2, NULL, 3, '2025-07-14', '2025-07-14', '2025-08-20', NULL, '2025-08-27', '2025-09-10', '2025-09-30', NULL, NULL, NULL, NULL);
-- case 4: first registration, certified 2025-11-03 (certificate 4)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (4, 'SQ-2025-0004', 'first', 'simplified', 'certified', 3, NULL, 4, '2025-08-18', '2025-08-18', '2025-09-15', NULL, '2025-09-22', '2025-10-11', '2025-11-03', NULL, NULL, NULL, NULL);
-- case 5: first registration, certified 2025-12-15 (certificate 5)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (5, 'SQ-2025-0005', 'first', 'simplified', 'certified', 9, NULL, 5, '2025-09-22', '2025-09-22', '2025-10-27', NULL, '2025-11-03', '2025-11-17', '2025-12-15', NULL, NULL, NULL, NULL);
-- case 6: DUE 2026-03-16: holder name with 𠮷 (U+20BB7, outside the BMP)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (6, 'SQ-2026-0006', 'first', 'simplified', 'notice', 11, NULL, 6, '2026-01-12', '2026-01-12', '2026-02-06', NULL, '2026-02-10', '2026-03-02', NULL, NULL, NULL, NULL, NULL);
-- case 7: DUE: long holder name, long resource name and source (wrapping)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (7, 'SQ-2026-0007', 'first', 'simplified', 'notice', 12, NULL, 7, '2026-01-05', '2026-01-05', '2026-01-30', NULL, '2026-02-03', '2026-02-24', NULL, NULL, NULL, NULL, NULL);
-- case 8: DUE: public-data product, ordinary procedure (6.1): authority and committee review
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (8, 'SQ-2025-0008', 'first', 'ordinary', 'notice', 22, NULL, 8, '2025-12-01', '2025-12-01', '2026-01-09', '2026-01-23', '2026-02-02', '2026-02-14', NULL, NULL, NULL, NULL, NULL);
-- case 9: DUE: rights held by three different holders (5.1.2)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (9, 'SQ-2026-0009', 'first', 'simplified', 'notice', 10, NULL, 9, '2026-01-06', '2026-01-06', '2026-02-02', NULL, '2026-02-05', '2026-02-26', NULL, NULL, NULL, NULL, NULL);
-- case 10: DUE: license of the use right to subject 25 (6.3), prior certificate 1
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (10, 'SQ-2026-0010', 'license', 'simplified', 'notice', 1, 25, 10, '2026-01-20', '2026-01-20', '2026-02-09', NULL, '2026-02-12', '2026-03-04', NULL, 1, NULL, NULL, '许可使用费每年人民币80万元，合同编号NY-2026-017');
-- case 11: DUE: transfer of the operation right to subject 26 (6.3), supersedes certificate 2
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (11, 'SQ-2026-0011', 'transfer', 'simplified', 'notice', 6, 26, 11, '2026-01-19', '2026-01-19', '2026-02-09', NULL, '2026-02-12', '2026-03-04', NULL, 2, NULL, NULL, '转让价款人民币350万元，合同编号YK-ZR-2026-003');
-- case 12: DUE: change of scale (6.4), new certificate supersedes certificate 3
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (12, 'SQ-2026-0012', 'change', 'simplified', 'notice', 2, NULL, 12, '2026-01-26', '2026-01-26', '2026-02-13', NULL, '2026-02-24', '2026-03-09', NULL, 3, NULL, '数据规模由86万例扩充至124万例，存储量由13.9 TB增至20 TB', NULL);
-- case 13: DUE: an objection was filed and dismissed; certificate proceeds
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (13, 'SQ-2026-0013', 'first', 'simplified', 'notice', 5, NULL, 13, '2026-01-08', '2026-01-08', '2026-02-03', NULL, '2026-02-06', '2026-02-27', NULL, NULL, NULL, NULL, NULL);
-- case 14: DUE: holder name with a middle dot (·)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (14, 'SQ-2026-0014', 'first', 'simplified', 'notice', 27, NULL, 14, '2026-01-15', '2026-01-15', '2026-02-09', NULL, '2026-02-11', '2026-03-03', NULL, NULL, NULL, NULL, NULL);
-- case 15: DUE: license approved without notice (6.3), decided 2026-03-10; applicant 3 licenses to 4
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (15, 'SQ-2026-0015', 'license', 'simplified', 'approved', 3, 4, 15, '2026-02-02', '2026-02-02', '2026-03-10', NULL, NULL, NULL, '2026-03-10', 4, NULL, NULL, '许可使用费人民币20万元');
-- case 16: DUE but REFUSED at certificate time: holder code has full-width digits (legacy import)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (16, 'SQ-2026-0016', 'first', 'simplified', 'notice', 15, NULL, 16, '2026-01-09', '2026-01-09', '2026-02-04', NULL, '2026-02-06', '2026-02-27', NULL, NULL, NULL, NULL, NULL);
-- case 17: notice still running (ends 2026-03-20): not due
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (17, 'SQ-2026-0017', 'first', 'simplified', 'notice', 13, NULL, 17, '2026-02-20', '2026-02-20', '2026-03-03', NULL, '2026-03-06', '2026-03-20', NULL, NULL, NULL, NULL, NULL);
-- case 18: HELD: notice ended 2026-03-05 but an objection is open
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (18, 'SQ-2026-0018', 'first', 'simplified', 'notice', 9, NULL, 18, '2026-01-13', '2026-01-13', '2026-02-06', NULL, '2026-02-10', '2026-03-02', NULL, NULL, NULL, NULL, NULL);
-- case 19: 7.1 b fails: serious dishonesty record in the last 3 years
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (19, 'SQ-2026-0019', 'first', 'simplified', 'submitted', 16, NULL, 19, '2026-03-02', '2026-03-02', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 20: 7.1 c fails: data-related administrative penalty in 2025
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (20, 'SQ-2026-0020', 'first', 'simplified', 'submitted', 17, NULL, 20, '2026-03-03', '2026-03-03', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 21: 7.1 c passes: criminal record 2021 is older than 3 years; 7.1 b passes: record lifted
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (21, 'SQ-2026-0021', 'first', 'simplified', 'submitted', 18, NULL, 21, '2026-02-25', '2026-02-25', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 22: 7.1 d needs a human: no capability evidence
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (22, 'SQ-2026-0022', 'first', 'simplified', 'submitted', 19, NULL, 22, '2026-02-26', '2026-02-26', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 23: 7.1 a fails: business licence expired 2025-12-31
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (23, 'SQ-2026-0023', 'first', 'simplified', 'submitted', 20, NULL, 23, '2026-02-27', '2026-02-27', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 24: 7.2 (1) fails: no identification needed but the data are not anonymised (names, phone numbers)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (24, 'SQ-2026-0024', 'first', 'simplified', 'submitted', 1, NULL, 24, '2026-03-04', '2026-03-04', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 25: 7.2 (1) passes: anonymised with an anonymisation assessment
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (25, 'SQ-2026-0025', 'first', 'simplified', 'submitted', 2, NULL, 25, '2026-03-04', '2026-03-04', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 26: 7.2 (2) rectify: identification needed but not de-identified (names, ID numbers)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (26, 'SQ-2026-0026', 'first', 'simplified', 'submitted', 9, NULL, 26, '2026-02-24', '2026-02-24', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 27: 7.2 (2)(3) pass: de-identified, signed privacy policy and separate consent
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (27, 'SQ-2026-0027', 'first', 'simplified', 'submitted', 10, NULL, 27, '2026-02-24', '2026-02-24', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 28: 7.2 (3) rectify: not anonymised and no signed privacy policy (Annex A)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (28, 'SQ-2026-0028', 'first', 'simplified', 'submitted', 4, NULL, 28, '2026-03-05', '2026-03-05', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 29: 7.2 (4) rectify: sensitive data, automated decisions, provided to others, no PIA
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (29, 'SQ-2026-0029', 'first', 'simplified', 'submitted', 4, NULL, 29, '2026-03-05', '2026-03-05', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 30: 7.2 (4) passes: entrusted processing with a PIA report
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (30, 'SQ-2026-0030', 'first', 'simplified', 'submitted', 3, NULL, 30, '2026-02-20', '2026-02-20', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 31: 7.3 a and b fail: genetic data without stated scope, ethics review or approval
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (31, 'SQ-2026-0031', 'first', 'simplified', 'submitted', 7, NULL, 31, '2026-03-06', '2026-03-06', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 32: 7.3 passes: scope stated, ethics review by a filed committee, HGR approval; public-data product
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (32, 'SQ-2026-0032', 'first', 'ordinary', 'committee_review', 7, NULL, 32, '2026-01-26', '2026-01-26', '2026-02-27', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 33: 7.4 fails: 1,200,000 people's sensitive data abroad without a security assessment
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (33, 'SQ-2026-0033', 'first', 'simplified', 'submitted', 8, NULL, 33, '2026-03-06', '2026-03-06', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 34: 7.4 passes: 50,000 people's sensitive data abroad with a security assessment
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (34, 'SQ-2026-0034', 'first', 'simplified', 'submitted', 8, NULL, 34, '2026-02-16', '2026-02-16', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 35: 7.4 passes: 300,000 people (non-sensitive) with a standard contract filing
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (35, 'SQ-2026-0035', 'first', 'simplified', 'submitted', 8, NULL, 35, '2026-02-16', '2026-02-16', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 36: 7.5 a fails: important data without a named security officer
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (36, 'SQ-2026-0036', 'first', 'simplified', 'submitted', 6, NULL, 36, '2026-03-09', '2026-03-09', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 37: 7.5 b rectify: risk assessment of 2024-10 is older than 12 months
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (37, 'SQ-2026-0037', 'first', 'simplified', 'submitted', 6, NULL, 37, '2026-02-23', '2026-02-23', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 38: 7.6 b ban: 统方 data (per-doctor prescription statistics)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (38, 'SQ-2026-0038', 'first', 'simplified', 'submitted', 21, NULL, 38, '2026-03-09', '2026-03-09', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 39: 7.6 a ban: data touching state secrets / military procurement
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (39, 'SQ-2026-0039', 'first', 'simplified', 'submitted', 23, NULL, 39, '2026-03-10', '2026-03-10', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 40: 6.2.2 a: third-party assessment missing, returned for supplement
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (40, 'SQ-2026-0040', 'first', 'simplified', 'rectify', 9, NULL, 40, '2026-02-02', '2026-02-02', '2026-02-27', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 41: rejected 2026-01-20 (7.1 b)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (41, 'SQ-2025-0041', 'first', 'simplified', 'rejected', 16, NULL, 41, '2025-12-15', '2025-12-15', '2026-01-20', NULL, NULL, NULL, '2026-01-20', NULL, NULL, NULL, NULL);
-- case 42: withdrawn by the applicant 2026-02-01
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (42, 'SQ-2026-0042', 'first', 'simplified', 'withdrawn', 4, NULL, 42, '2026-01-10', '2026-01-10', NULL, NULL, NULL, NULL, '2026-02-01', NULL, NULL, NULL, NULL);
-- case 43: cancellation, ground a (applicant's own request), of certificate 5 (6.5)
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (43, 'SQ-2026-0043', 'cancel', 'simplified', 'notice', 9, NULL, 43, '2026-02-02', '2026-02-02', '2026-02-13', NULL, '2026-02-24', '2026-03-09', NULL, 5, 'a', NULL, NULL);
-- case 44: cancellation, ground c (court judgment), of certificate 2
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (44, 'SQ-2026-0044', 'cancel', 'simplified', 'submitted', 6, NULL, 44, '2026-03-11', '2026-03-11', NULL, NULL, NULL, NULL, NULL, 2, 'c', NULL, NULL);
-- case 45: 5.1.1 fails: license without a prior first registration
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (45, 'SQ-2026-0045', 'license', 'simplified', 'submitted', 25, 26, 45, '2026-03-11', '2026-03-11', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 46: 6.1.1 fails: public-data product applied for under the simplified procedure
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (46, 'SQ-2026-0046', 'first', 'simplified', 'submitted', 22, NULL, 46, '2026-03-12', '2026-03-12', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 47: 4.2 fails: human research data without ethics review
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (47, 'SQ-2026-0047', 'first', 'simplified', 'submitted', 5, NULL, 47, '2026-03-12', '2026-03-12', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 48: 6.6 on-site verification: held for a human, questions recorded
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (48, 'SQ-2026-0048', 'first', 'simplified', 'held', 2, NULL, 48, '2026-02-09', '2026-02-09', '2026-03-02', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
-- case 49: 7.1 a fails: applicant code has a wrong organisation-code check character
INSERT INTO cases(id, number, reg_type, procedure, status, applicant_id, counterparty_id, resource_id, applied_date, accepted_date, review_date, committee_date, notice_start, notice_end, decided_date, prior_certificate_id, cancel_ground, change_description, consideration) VALUES (49, 'SQ-2026-0049', 'first', 'simplified', 'submitted', 24, NULL, 49, '2026-03-13', '2026-03-13', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);

-- Rights (5.1.2): each with its holder and restrictions.
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (1, 'holding', 1, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (1, 'use', 1, '仅限科研用途，不得对外提供');
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (2, 'holding', 6, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (2, 'use', 6, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (2, 'operation', 6, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (3, 'holding', 2, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (3, 'use', 2, '仅限科研用途，不得对外提供');
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (4, 'holding', 3, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (4, 'use', 3, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (4, 'operation', 3, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (5, 'holding', 9, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (5, 'use', 9, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (5, 'operation', 9, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (6, 'holding', 11, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (6, 'use', 11, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (6, 'operation', 11, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (7, 'holding', 12, '仅限在大湾区真实世界研究联盟成员单位内部使用，不得向境外提供，不得用于商业营销，使用前须经各数据来源医院伦理委员会审查同意');
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (7, 'use', 12, '仅限在大湾区真实世界研究联盟成员单位内部使用，不得向境外提供，不得用于商业营销，使用前须经各数据来源医院伦理委员会审查同意');
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (7, 'operation', 12, '仅限在大湾区真实世界研究联盟成员单位内部使用，不得向境外提供，不得用于商业营销，使用前须经各数据来源医院伦理委员会审查同意');
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (8, 'holding', 22, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (8, 'use', 22, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (8, 'operation', 22, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (9, 'holding', 10, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (9, 'use', 13, '仅限科研用途，不得对外提供');
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (9, 'operation', 6, '不得用于商业营销');
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (10, 'holding', 1, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (10, 'use', 25, '许可期限至2028年12月31日，仅限科研用途');
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (11, 'holding', 6, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (11, 'use', 6, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (11, 'operation', 26, '仅限健康保险精算用途');
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (12, 'holding', 2, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (12, 'use', 2, '仅限科研用途，不得对外提供');
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (13, 'holding', 5, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (13, 'use', 5, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (13, 'operation', 5, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (14, 'holding', 27, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (14, 'use', 27, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (14, 'operation', 27, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (15, 'holding', 3, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (15, 'use', 4, '许可期限一年，仅限检验质控研究');
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (16, 'holding', 15, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (16, 'use', 15, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (16, 'operation', 15, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (17, 'holding', 13, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (17, 'use', 13, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (17, 'operation', 13, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (18, 'holding', 9, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (18, 'use', 9, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (18, 'operation', 9, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (19, 'holding', 16, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (19, 'use', 16, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (19, 'operation', 16, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (20, 'holding', 17, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (20, 'use', 17, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (20, 'operation', 17, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (21, 'holding', 18, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (21, 'use', 18, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (21, 'operation', 18, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (22, 'holding', 19, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (22, 'use', 19, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (22, 'operation', 19, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (23, 'holding', 20, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (23, 'use', 20, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (23, 'operation', 20, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (24, 'holding', 1, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (24, 'use', 1, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (24, 'operation', 1, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (25, 'holding', 2, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (25, 'use', 2, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (25, 'operation', 2, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (26, 'holding', 9, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (26, 'use', 9, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (26, 'operation', 9, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (27, 'holding', 10, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (27, 'use', 10, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (27, 'operation', 10, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (28, 'holding', 4, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (28, 'use', 4, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (28, 'operation', 4, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (29, 'holding', 4, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (29, 'use', 4, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (29, 'operation', 4, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (30, 'holding', 3, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (30, 'use', 3, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (30, 'operation', 3, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (31, 'holding', 7, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (31, 'use', 7, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (31, 'operation', 7, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (32, 'holding', 7, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (32, 'use', 7, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (32, 'operation', 7, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (33, 'holding', 8, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (33, 'use', 8, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (33, 'operation', 8, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (34, 'holding', 8, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (34, 'use', 8, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (34, 'operation', 8, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (35, 'holding', 8, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (35, 'use', 8, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (35, 'operation', 8, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (36, 'holding', 6, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (36, 'use', 6, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (36, 'operation', 6, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (37, 'holding', 6, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (37, 'use', 6, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (37, 'operation', 6, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (38, 'holding', 21, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (38, 'use', 21, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (38, 'operation', 21, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (39, 'holding', 23, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (39, 'use', 23, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (39, 'operation', 23, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (40, 'holding', 9, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (40, 'use', 9, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (40, 'operation', 9, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (41, 'holding', 16, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (41, 'use', 16, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (41, 'operation', 16, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (42, 'holding', 4, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (42, 'use', 4, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (42, 'operation', 4, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (43, 'holding', 9, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (44, 'holding', 6, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (45, 'use', 25, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (46, 'holding', 22, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (46, 'use', 22, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (46, 'operation', 22, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (47, 'holding', 5, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (47, 'use', 5, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (47, 'operation', 5, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (48, 'holding', 2, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (48, 'use', 2, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (48, 'operation', 2, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (49, 'holding', 24, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (49, 'use', 24, NULL);
INSERT INTO case_rights(case_id, right_kind, holder_id, restrictions) VALUES (49, 'operation', 24, NULL);

-- Materials (6.1.2 a, 6.2.2 a, 6.3 a, 6.4 a, 6.5 a and the evidence for clause 7).
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (1, 'application', 1, '2025-04-02', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (1, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (1, 'third_party_assessment', 1, '2025-04-02', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (1, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (2, 'application', 1, '2025-06-03', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (2, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (2, 'third_party_assessment', 1, '2025-06-03', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (2, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (3, 'application', 1, '2025-07-14', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (3, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (3, 'third_party_assessment', 1, '2025-07-14', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (3, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (4, 'application', 1, '2025-08-18', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (4, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (4, 'third_party_assessment', 1, '2025-08-18', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (4, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (5, 'application', 1, '2025-09-22', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (5, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (5, 'third_party_assessment', 1, '2025-09-22', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (5, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (6, 'application', 1, '2026-01-12', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (6, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (6, 'third_party_assessment', 1, '2026-01-12', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (6, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (7, 'application', 1, '2026-01-05', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (7, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (7, 'third_party_assessment', 1, '2026-01-05', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (7, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (8, 'application', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (8, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (8, 'third_party_assessment', 1, '2025-12-01', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (8, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (9, 'application', 1, '2026-01-06', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (9, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (9, 'third_party_assessment', 1, '2026-01-06', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (9, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (10, 'application', 1, '2026-01-20', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (10, 'contract', 1, NULL, NULL, '许可/转让合同');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (10, 'authorization', 1, NULL, NULL, '相对方授权书');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (10, 'consideration_proof', 1, NULL, NULL, '交易对价支付凭证');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (11, 'application', 1, '2026-01-19', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (11, 'contract', 1, NULL, NULL, '许可/转让合同');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (11, 'authorization', 1, NULL, NULL, '相对方授权书');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (11, 'consideration_proof', 1, NULL, NULL, '交易对价支付凭证');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (12, 'application', 1, '2026-01-26', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (12, 'change_proof', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (12, 'truth_commitment', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (13, 'application', 1, '2026-01-08', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (13, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (13, 'third_party_assessment', 1, '2026-01-08', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (13, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (14, 'application', 1, '2026-01-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (14, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (14, 'third_party_assessment', 1, '2026-01-15', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (14, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (15, 'application', 1, '2026-02-02', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (15, 'contract', 1, NULL, NULL, '许可/转让合同');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (15, 'authorization', 1, NULL, NULL, '相对方授权书');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (15, 'consideration_proof', 1, NULL, NULL, '交易对价支付凭证');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (16, 'application', 1, '2026-01-09', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (16, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (16, 'third_party_assessment', 1, '2026-01-09', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (16, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (17, 'application', 1, '2026-02-20', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (17, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (17, 'third_party_assessment', 1, '2026-02-20', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (17, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (18, 'application', 1, '2026-01-13', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (18, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (18, 'third_party_assessment', 1, '2026-01-13', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (18, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (19, 'application', 1, '2026-03-02', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (19, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (19, 'third_party_assessment', 1, '2026-03-02', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (19, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (20, 'application', 1, '2026-03-03', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (20, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (20, 'third_party_assessment', 1, '2026-03-03', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (20, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (21, 'application', 1, '2026-02-25', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (21, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (21, 'third_party_assessment', 1, '2026-02-25', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (21, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (22, 'application', 1, '2026-02-26', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (22, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (22, 'third_party_assessment', 1, '2026-02-26', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (22, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (23, 'application', 1, '2026-02-27', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (23, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (23, 'third_party_assessment', 1, '2026-02-27', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (23, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (24, 'application', 1, '2026-03-04', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (24, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (24, 'third_party_assessment', 1, '2026-03-04', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (24, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (25, 'application', 1, '2026-03-04', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (25, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (25, 'third_party_assessment', 1, '2026-03-04', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (25, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (26, 'application', 1, '2026-02-24', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (26, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (26, 'third_party_assessment', 1, '2026-02-24', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (26, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (27, 'application', 1, '2026-02-24', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (27, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (27, 'third_party_assessment', 1, '2026-02-24', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (27, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (28, 'application', 1, '2026-03-05', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (28, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (28, 'third_party_assessment', 1, '2026-03-05', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (28, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (29, 'application', 1, '2026-03-05', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (29, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (29, 'third_party_assessment', 1, '2026-03-05', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (29, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (30, 'application', 1, '2026-02-20', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (30, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (30, 'third_party_assessment', 1, '2026-02-20', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (30, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (31, 'application', 1, '2026-03-06', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (31, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (31, 'third_party_assessment', 1, '2026-03-06', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (31, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (32, 'application', 1, '2026-01-26', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (32, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (32, 'third_party_assessment', 1, '2026-01-26', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (32, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (33, 'application', 1, '2026-03-06', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (33, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (33, 'third_party_assessment', 1, '2026-03-06', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (33, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (34, 'application', 1, '2026-02-16', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (34, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (34, 'third_party_assessment', 1, '2026-02-16', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (34, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (35, 'application', 1, '2026-02-16', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (35, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (35, 'third_party_assessment', 1, '2026-02-16', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (35, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (36, 'application', 1, '2026-03-09', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (36, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (36, 'third_party_assessment', 1, '2026-03-09', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (36, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (37, 'application', 1, '2026-02-23', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (37, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (37, 'third_party_assessment', 1, '2026-02-23', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (37, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (38, 'application', 1, '2026-03-09', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (38, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (38, 'third_party_assessment', 1, '2026-03-09', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (38, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (39, 'application', 1, '2026-03-10', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (39, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (39, 'third_party_assessment', 1, '2026-03-10', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (39, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (40, 'application', 1, '2026-02-02', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (40, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (40, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (41, 'application', 1, '2025-12-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (41, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (41, 'third_party_assessment', 1, '2025-12-15', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (41, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (42, 'application', 1, '2026-01-10', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (42, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (42, 'third_party_assessment', 1, '2026-01-10', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (42, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (43, 'application', 1, '2026-02-02', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (43, 'cancellation_statement', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (44, 'application', 1, '2026-03-11', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (44, 'cancellation_statement', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (44, 'court_judgment', 1, NULL, NULL, '（2026）粤01民终1234号');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (45, 'application', 1, '2026-03-11', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (45, 'contract', 1, NULL, NULL, '许可/转让合同');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (45, 'authorization', 1, NULL, NULL, '相对方授权书');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (45, 'consideration_proof', 1, NULL, NULL, '交易对价支付凭证');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (46, 'application', 1, '2026-03-12', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (46, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (46, 'third_party_assessment', 1, '2026-03-12', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (46, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (47, 'application', 1, '2026-03-12', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (47, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (47, 'third_party_assessment', 1, '2026-03-12', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (47, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (48, 'application', 1, '2026-02-09', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (48, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (48, 'third_party_assessment', 1, '2026-02-09', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (48, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (49, 'application', 1, '2026-03-13', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (49, 'resource_description', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (49, 'third_party_assessment', 1, '2026-03-13', NULL, '第三方评估报告（广东数据合规评估中心）');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (49, 'business_license', 1, NULL, '2030-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (2, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (4, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (5, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (6, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (8, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (14, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (25, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (34, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (35, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (1, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (3, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (7, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (9, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (12, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (13, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (17, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (27, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (30, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (31, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (32, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (33, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (34, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (35, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (37, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (40, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (47, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (48, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (1, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (1, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (3, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (3, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (7, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (7, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (9, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (9, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (12, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (12, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (13, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (13, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (17, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (17, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (27, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (27, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (30, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (30, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (31, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (31, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (32, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (32, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (33, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (33, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (34, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (34, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (35, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (35, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (37, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (37, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (40, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (40, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (47, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (47, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (48, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (48, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (1, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (3, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (7, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (9, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (12, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (13, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (27, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (30, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (32, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (34, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (35, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (37, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (40, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (48, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (47, 'privacy_policy', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (47, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (47, 'pia_report', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (13, 'ethics_approval', 1, '2025-09-01', NULL, '伦理审查批件');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (13, 'ethics_committee_filing', 1, NULL, NULL, '医学研究登记备案信息系统备案');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (17, 'ethics_approval', 1, '2025-09-01', NULL, '伦理审查批件');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (17, 'ethics_committee_filing', 1, NULL, NULL, '医学研究登记备案信息系统备案');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (32, 'ethics_approval', 1, '2025-09-01', NULL, '伦理审查批件');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (32, 'ethics_committee_filing', 1, NULL, NULL, '医学研究登记备案信息系统备案');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (32, 'hgr_approval', 1, '2025-12-20', NULL, '人类遗传资源管理审批决定书');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (34, 'security_assessment', 1, '2025-12-01', '2028-11-30', '数据出境安全评估结果通知书');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (33, 'standard_contract_filing', 1, '2025-10-01', NULL, '个人信息出境标准合同备案');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (35, 'standard_contract_filing', 1, '2025-11-20', NULL, '个人信息出境标准合同备案');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (37, 'security_officer_appointment', 1, '2024-01-10', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (37, 'risk_assessment', 1, '2024-10-15', NULL, '2024年度数据安全风险评估报告');
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (36, 'risk_assessment', 1, '2025-12-20', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (23, 'business_license', 1, NULL, '2025-12-31', NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (11, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (16, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (22, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (41, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (42, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (43, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (44, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (49, 'anonymisation_assessment', 1, '2025-11-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (10, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (18, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (23, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (28, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (29, 'deidentification_report', 1, '2025-12-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (10, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (10, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (18, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (18, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (23, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (23, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (24, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (24, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (26, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (26, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (29, 'privacy_policy', 1, '2025-06-01', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (29, 'separate_consent', 1, NULL, NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (10, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (17, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (18, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (23, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (26, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (28, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (31, 'pia_report', 1, '2025-10-15', NULL, NULL);
INSERT INTO materials(case_id, kind, present, issued_date, valid_until, reference) VALUES (33, 'pia_report', 1, '2025-10-15', NULL, NULL);

-- Objections during the notice period.
INSERT INTO objections(case_id, filed_date, objector, grounds, material, status, resolved_date) VALUES
  (13, '2026-02-12', '中山市某患者互助会', '质疑数据来源未取得患者同意', '患者来信三份', 'dismissed', '2026-02-27'),
  (18, '2026-02-26', '汕头市某医疗科技有限公司', '主张对部分肿瘤登记数据享有共同持有权', '合作协议复印件', 'open', NULL);

-- Certificates issued in 2025 (prior certificates for license, transfer, change and cancellation).
-- Numbers follow the default pattern {year}{month}{region}{serial:7}{check}.
INSERT INTO certificates(id, number, case_id, status, registration_date, valid_until) VALUES (1, '20250644000000001R', 1, 'issued', '2025-06-20', '2028-06-20');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (1, 1, '证书编号', '20250644000000001R');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (1, 2, '数据产权权利人', '广东省南粤人民医院');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (1, 3, '统一社会信用代码', '124400004558580114');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (1, 4, '权利类别', '数据资源持有权、数据加工使用权');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (1, 5, '权利限制', '数据资源持有权：无
数据加工使用权：仅限科研用途，不得对外提供');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (1, 6, '数据产权名称', '南粤人民医院住院电子病历数据集（2018—2024年）');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (1, 7, '数据来源', '南粤人民医院电子病历系统、住院管理系统');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (1, 8, '数据规模', '12,860,000条记录，约386.50 GB');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (1, 9, '登记机构名称', '广东省健康医疗数据产权登记中心');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (1, 10, '登记日期', '2025年6月20日');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (1, 11, '有效期限', '2025年6月20日至2028年6月20日');
INSERT INTO certificates(id, number, case_id, status, registration_date, valid_until) VALUES (2, '202508440000000027', 2, 'issued', '2025-08-11', '2028-08-11');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (2, 1, '证书编号', '202508440000000027');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (2, 2, '数据产权权利人', '广东粤康医疗大数据有限公司');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (2, 3, '统一社会信用代码', '91440100MA59UT8K1E');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (2, 4, '权利类别', '数据资源持有权、数据加工使用权、数据产品经营权');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (2, 5, '权利限制', '无');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (2, 6, '数据产权名称', '粤康区域慢病随访数据集');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (2, 7, '数据来源', '广州市社区卫生服务中心随访系统（经授权汇聚）');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (2, 8, '数据规模', '5,430,000条记录，约92.30 GB');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (2, 9, '登记机构名称', '广东省健康医疗数据产权登记中心');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (2, 10, '登记日期', '2025年8月11日');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (2, 11, '有效期限', '2025年8月11日至2028年8月11日');
INSERT INTO certificates(id, number, case_id, status, registration_date, valid_until) VALUES (3, '20250944000000003F', 3, 'issued', '2025-09-30', '2028-09-30');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (3, 1, '证书编号', '20250944000000003F');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (3, 2, '数据产权权利人', '广州市珠江中心医院');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (3, 3, '统一社会信用代码', '1244010045512873XG');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (3, 4, '权利类别', '数据资源持有权、数据加工使用权');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (3, 5, '权利限制', '数据资源持有权：无
数据加工使用权：仅限科研用途，不得对外提供');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (3, 6, '数据产权名称', '珠江中心医院医学影像数据集（胸部CT）');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (3, 7, '数据来源', '珠江中心医院影像归档与通信系统');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (3, 8, '数据规模', '860,000条记录，约14200.00 GB');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (3, 9, '登记机构名称', '广东省健康医疗数据产权登记中心');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (3, 10, '登记日期', '2025年9月30日');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (3, 11, '有效期限', '2025年9月30日至2028年9月30日');
INSERT INTO certificates(id, number, case_id, status, registration_date, valid_until) VALUES (4, '20251144000000004M', 4, 'issued', '2025-11-03', '2028-11-03');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (4, 1, '证书编号', '20251144000000004M');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (4, 2, '数据产权权利人', '深圳市鹏城医学检验实验室有限公司');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (4, 3, '统一社会信用代码', '91440300MA5F7K2X5F');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (4, 4, '权利类别', '数据资源持有权、数据加工使用权、数据产品经营权');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (4, 5, '权利限制', '无');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (4, 6, '数据产权名称', '鹏城医学检验结果数据集');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (4, 7, '数据来源', '鹏城医学检验实验室实验室信息系统');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (4, 8, '数据规模', '23,800,000条记录，约61.80 GB');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (4, 9, '登记机构名称', '广东省健康医疗数据产权登记中心');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (4, 10, '登记日期', '2025年11月3日');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (4, 11, '有效期限', '2025年11月3日至2028年11月3日');
INSERT INTO certificates(id, number, case_id, status, registration_date, valid_until) VALUES (5, '20251244000000005X', 5, 'issued', '2025-12-15', '2028-12-15');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (5, 1, '证书编号', '20251244000000005X');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (5, 2, '数据产权权利人', '汕头市潮汕中心医院');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (5, 3, '统一社会信用代码', '124405004558991710');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (5, 4, '权利类别', '数据资源持有权、数据加工使用权、数据产品经营权');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (5, 5, '权利限制', '无');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (5, 6, '数据产权名称', '潮汕地区地中海贫血筛查数据集');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (5, 7, '数据来源', '汕头市潮汕中心医院筛查门诊');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (5, 8, '数据规模', '310,000条记录，约2.40 GB');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (5, 9, '登记机构名称', '广东省健康医疗数据产权登记中心');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (5, 10, '登记日期', '2025年12月15日');
INSERT INTO certificate_fields(certificate_id, position, label, value) VALUES (5, 11, '有效期限', '2025年12月15日至2028年12月15日');
UPDATE counters SET value = 5 WHERE name = 'certificate_serial';

-- Public notices: the cases that entered notice on the same day share one notice.
INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (1, 'GS-20250506', '2025-05-06', '2025-05-20', 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (1, 1);
INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (2, 'GS-20250707', '2025-07-07', '2025-07-21', 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (2, 2);
INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (3, 'GS-20250827', '2025-08-27', '2025-09-10', 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (3, 3);
INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (4, 'GS-20250922', '2025-09-22', '2025-10-11', 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (4, 4);
INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (5, 'GS-20251103', '2025-11-03', '2025-11-17', 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (5, 5);
INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (6, 'GS-20260202', '2026-02-02', '2026-02-14', 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (6, 8);
INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (7, 'GS-20260203', '2026-02-03', '2026-02-24', 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (7, 7);
INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (8, 'GS-20260205', '2026-02-05', '2026-02-26', 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (8, 9);
INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (9, 'GS-20260206', '2026-02-06', '2026-02-27', 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (9, 13);
INSERT INTO notice_cases(notice_id, case_id) VALUES (9, 16);
INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (10, 'GS-20260210', '2026-02-10', '2026-03-02', 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (10, 6);
INSERT INTO notice_cases(notice_id, case_id) VALUES (10, 18);
INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (11, 'GS-20260211', '2026-02-11', '2026-03-03', 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (11, 14);
INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (12, 'GS-20260212', '2026-02-12', '2026-03-04', 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (12, 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (12, 11);
INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (13, 'GS-20260224', '2026-02-24', '2026-03-09', 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (13, 12);
INSERT INTO notice_cases(notice_id, case_id) VALUES (13, 43);
INSERT INTO notices(id, number, published_date, end_date, working_days) VALUES (14, 'GS-20260306', '2026-03-06', '2026-03-20', 10);
INSERT INTO notice_cases(notice_id, case_id) VALUES (14, 17);

-- Institutions' products for the Annex A privacy policy.
INSERT INTO privacy_products(id, subject_id, product_name, contact_email, contact_phone, contact_address, withdrawal_path, response_days, effective_date, updated_date) VALUES
  (1, 1, '南粤健康App', 'privacy@nanyue-hospital.example.cn', '020-83827812', '广州市越秀区中山二路106号南粤人民医院信息科', '“我的—设置—隐私—撤回同意”', 15, '2026-01-01', '2025-12-20'),
  (2, 6, '粤康云随访平台', 'dpo@yuekang.example.cn', '020-38761234', '广州市天河区珠江东路16号粤康大厦12楼', '“个人中心—授权管理—撤回授权”，或发送邮件至dpo@yuekang.example.cn', 10, '2026-02-01', '2026-01-15'),
  (3, 11, '𠮷祥体检小程序', 'privacy@jixiang.example.cn', '0755-86001234', '深圳市福田区深南大道6008号', '“我的—隐私设置—撤回同意”', 15, '2026-03-01', '2026-02-20');
INSERT INTO privacy_third_parties(product_id, name, purpose, data_items, contact) VALUES
  (1, '广东某支付科技有限公司', '在线缴纳诊疗费用', '订单号、支付金额', 'support@pay.example.cn'),
  (1, '某云计算服务有限公司', '数据存储与容灾备份（委托处理）', '加密存储的病历数据', 'security@cloud.example.cn'),
  (2, '广州市社区卫生服务中心', '慢病随访服务', '姓名、联系电话、随访记录', '020-12345678'),
  (3, '深圳某短信服务有限公司', '发送体检报告通知', '手机号码', 'sms@msg.example.cn');

-- Statutory holidays and make-up working days (holiday-cn data, MIT). 2027 is not
-- published: it is deliberately absent from holiday_years.
INSERT INTO holiday_years(year) VALUES (2025);
INSERT INTO holidays(date, off, name) VALUES
  ('2025-01-01', 1, '元旦'),
  ('2025-01-26', 0, '春节'),
  ('2025-01-28', 1, '春节'),
  ('2025-01-29', 1, '春节'),
  ('2025-01-30', 1, '春节'),
  ('2025-01-31', 1, '春节'),
  ('2025-02-01', 1, '春节'),
  ('2025-02-02', 1, '春节'),
  ('2025-02-03', 1, '春节'),
  ('2025-02-04', 1, '春节'),
  ('2025-02-08', 0, '春节'),
  ('2025-04-04', 1, '清明节'),
  ('2025-04-05', 1, '清明节'),
  ('2025-04-06', 1, '清明节'),
  ('2025-04-27', 0, '劳动节'),
  ('2025-05-01', 1, '劳动节'),
  ('2025-05-02', 1, '劳动节'),
  ('2025-05-03', 1, '劳动节'),
  ('2025-05-04', 1, '劳动节'),
  ('2025-05-05', 1, '劳动节'),
  ('2025-05-31', 1, '端午节'),
  ('2025-06-01', 1, '端午节'),
  ('2025-06-02', 1, '端午节'),
  ('2025-09-28', 0, '国庆节、中秋节'),
  ('2025-10-01', 1, '国庆节、中秋节'),
  ('2025-10-02', 1, '国庆节、中秋节'),
  ('2025-10-03', 1, '国庆节、中秋节'),
  ('2025-10-04', 1, '国庆节、中秋节'),
  ('2025-10-05', 1, '国庆节、中秋节'),
  ('2025-10-06', 1, '国庆节、中秋节'),
  ('2025-10-07', 1, '国庆节、中秋节'),
  ('2025-10-08', 1, '国庆节、中秋节'),
  ('2025-10-11', 0, '国庆节、中秋节');
INSERT INTO holiday_years(year) VALUES (2026);
INSERT INTO holidays(date, off, name) VALUES
  ('2026-01-01', 1, '元旦'),
  ('2026-01-02', 1, '元旦'),
  ('2026-01-03', 1, '元旦'),
  ('2026-01-04', 0, '元旦'),
  ('2026-02-14', 0, '春节'),
  ('2026-02-15', 1, '春节'),
  ('2026-02-16', 1, '春节'),
  ('2026-02-17', 1, '春节'),
  ('2026-02-18', 1, '春节'),
  ('2026-02-19', 1, '春节'),
  ('2026-02-20', 1, '春节'),
  ('2026-02-21', 1, '春节'),
  ('2026-02-22', 1, '春节'),
  ('2026-02-23', 1, '春节'),
  ('2026-02-28', 0, '春节'),
  ('2026-04-04', 1, '清明节'),
  ('2026-04-05', 1, '清明节'),
  ('2026-04-06', 1, '清明节'),
  ('2026-05-01', 1, '劳动节'),
  ('2026-05-02', 1, '劳动节'),
  ('2026-05-03', 1, '劳动节'),
  ('2026-05-04', 1, '劳动节'),
  ('2026-05-05', 1, '劳动节'),
  ('2026-05-09', 0, '劳动节'),
  ('2026-06-19', 1, '端午节'),
  ('2026-06-20', 1, '端午节'),
  ('2026-06-21', 1, '端午节'),
  ('2026-09-20', 0, '国庆节'),
  ('2026-09-25', 1, '中秋节'),
  ('2026-09-26', 1, '中秋节'),
  ('2026-09-27', 1, '中秋节'),
  ('2026-10-01', 1, '国庆节'),
  ('2026-10-02', 1, '国庆节'),
  ('2026-10-03', 1, '国庆节'),
  ('2026-10-04', 1, '国庆节'),
  ('2026-10-05', 1, '国庆节'),
  ('2026-10-06', 1, '国庆节'),
  ('2026-10-07', 1, '国庆节'),
  ('2026-10-10', 0, '国庆节');
