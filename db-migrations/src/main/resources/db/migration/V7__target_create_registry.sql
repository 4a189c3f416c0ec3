-- 检查对象名录库 (target registry): every kind of target, stored once and linked to the departments whose
-- registries include it. Industry classification GB/T 4754-2017 (sections and divisions).

create extension if not exists pg_trgm;

-- 名称二元组: every two adjacent characters of a name. Chinese trade names (字号) are mostly two characters,
-- too short for a trigram index; a GIN index over the bigrams finds any substring of two or more.
create function name_bigrams(name text) returns text[]
    language sql immutable strict parallel safe as
$$
    select coalesce(array_agg(distinct lower(substr(name, i, 2))), '{}')
      from generate_series(1, greatest(char_length(name) - 1, 0)) as i
$$;

create table industry_section (
    code     varchar(1)   primary key check (code ~ '^[A-T]$'),
    name     varchar(50)  not null,
    name_en  varchar(120) not null
);

create table industry_division (
    code          varchar(2)   primary key check (code ~ '^[0-9]{2}$'),
    section_code  varchar(1)   not null references industry_section (code),
    name          varchar(50)  not null,
    name_en       varchar(120) not null,
    constraint industry_division_in_section unique (code, section_code)
);

insert into industry_section (code, name, name_en) values
    ('A', '农、林、牧、渔业', 'Agriculture, forestry, animal husbandry and fishery'),
    ('B', '采矿业', 'Mining'),
    ('C', '制造业', 'Manufacturing'),
    ('D', '电力、热力、燃气及水生产和供应业', 'Production and supply of electricity, heat, gas and water'),
    ('E', '建筑业', 'Construction'),
    ('F', '批发和零售业', 'Wholesale and retail trade'),
    ('G', '交通运输、仓储和邮政业', 'Transport, storage and postal services'),
    ('H', '住宿和餐饮业', 'Accommodation and catering'),
    ('I', '信息传输、软件和信息技术服务业', 'Information transmission, software and IT services'),
    ('J', '金融业', 'Finance'),
    ('K', '房地产业', 'Real estate'),
    ('L', '租赁和商务服务业', 'Leasing and business services'),
    ('M', '科学研究和技术服务业', 'Scientific research and technical services'),
    ('N', '水利、环境和公共设施管理业', 'Water conservancy, environment and public facilities management'),
    ('O', '居民服务、修理和其他服务业', 'Resident services, repair and other services'),
    ('P', '教育', 'Education'),
    ('Q', '卫生和社会工作', 'Health and social work'),
    ('R', '文化、体育和娱乐业', 'Culture, sports and entertainment'),
    ('S', '公共管理、社会保障和社会组织', 'Public administration, social security and social organisations'),
    ('T', '国际组织', 'International organisations');

insert into industry_division (code, section_code, name, name_en) values
    ('01', 'A', '农业', 'Agriculture'),
    ('02', 'A', '林业', 'Forestry'),
    ('03', 'A', '畜牧业', 'Animal husbandry'),
    ('04', 'A', '渔业', 'Fishery'),
    ('05', 'A', '农、林、牧、渔专业及辅助性活动', 'Support activities for agriculture, forestry, animal husbandry and fishery'),
    ('06', 'B', '煤炭开采和洗选业', 'Mining and washing of coal'),
    ('07', 'B', '石油和天然气开采业', 'Extraction of petroleum and natural gas'),
    ('08', 'B', '黑色金属矿采选业', 'Mining of ferrous metal ores'),
    ('09', 'B', '有色金属矿采选业', 'Mining of non-ferrous metal ores'),
    ('10', 'B', '非金属矿采选业', 'Mining of non-metallic minerals'),
    ('11', 'B', '开采专业及辅助性活动', 'Mining support activities'),
    ('12', 'B', '其他采矿业', 'Other mining'),
    ('13', 'C', '农副食品加工业', 'Processing of food from agricultural products'),
    ('14', 'C', '食品制造业', 'Manufacture of foods'),
    ('15', 'C', '酒、饮料和精制茶制造业', 'Manufacture of liquor, beverages and refined tea'),
    ('16', 'C', '烟草制品业', 'Manufacture of tobacco'),
    ('17', 'C', '纺织业', 'Manufacture of textiles'),
    ('18', 'C', '纺织服装、服饰业', 'Manufacture of textile wearing apparel and accessories'),
    ('19', 'C', '皮革、毛皮、羽毛及其制品和制鞋业', 'Manufacture of leather, fur, feather and footwear'),
    ('20', 'C', '木材加工和木、竹、藤、棕、草制品业', 'Processing of timber and wood, bamboo, rattan, palm and straw products'),
    ('21', 'C', '家具制造业', 'Manufacture of furniture'),
    ('22', 'C', '造纸和纸制品业', 'Manufacture of paper and paper products'),
    ('23', 'C', '印刷和记录媒介复制业', 'Printing and reproduction of recording media'),
    ('24', 'C', '文教、工美、体育和娱乐用品制造业', 'Manufacture of articles for culture, education, arts and crafts, sport and entertainment'),
    ('25', 'C', '石油、煤炭及其他燃料加工业', 'Processing of petroleum, coal and other fuels'),
    ('26', 'C', '化学原料和化学制品制造业', 'Manufacture of raw chemical materials and chemical products'),
    ('27', 'C', '医药制造业', 'Manufacture of medicines'),
    ('28', 'C', '化学纤维制造业', 'Manufacture of chemical fibres'),
    ('29', 'C', '橡胶和塑料制品业', 'Manufacture of rubber and plastics products'),
    ('30', 'C', '非金属矿物制品业', 'Manufacture of non-metallic mineral products'),
    ('31', 'C', '黑色金属冶炼和压延加工业', 'Smelting and pressing of ferrous metals'),
    ('32', 'C', '有色金属冶炼和压延加工业', 'Smelting and pressing of non-ferrous metals'),
    ('33', 'C', '金属制品业', 'Manufacture of metal products'),
    ('34', 'C', '通用设备制造业', 'Manufacture of general-purpose machinery'),
    ('35', 'C', '专用设备制造业', 'Manufacture of special-purpose machinery'),
    ('36', 'C', '汽车制造业', 'Manufacture of motor vehicles'),
    ('37', 'C', '铁路、船舶、航空航天和其他运输设备制造业', 'Manufacture of railway, ship, aerospace and other transport equipment'),
    ('38', 'C', '电气机械和器材制造业', 'Manufacture of electrical machinery and equipment'),
    ('39', 'C', '计算机、通信和其他电子设备制造业', 'Manufacture of computers, communication and other electronic equipment'),
    ('40', 'C', '仪器仪表制造业', 'Manufacture of measuring instruments'),
    ('41', 'C', '其他制造业', 'Other manufacturing'),
    ('42', 'C', '废弃资源综合利用业', 'Utilisation of waste resources'),
    ('43', 'C', '金属制品、机械和设备修理业', 'Repair of metal products, machinery and equipment'),
    ('44', 'D', '电力、热力生产和供应业', 'Production and supply of electricity and heat'),
    ('45', 'D', '燃气生产和供应业', 'Production and supply of gas'),
    ('46', 'D', '水的生产和供应业', 'Production and supply of water'),
    ('47', 'E', '房屋建筑业', 'Construction of buildings'),
    ('48', 'E', '土木工程建筑业', 'Civil engineering'),
    ('49', 'E', '建筑安装业', 'Construction installation'),
    ('50', 'E', '建筑装饰、装修和其他建筑业', 'Building decoration, renovation and other construction'),
    ('51', 'F', '批发业', 'Wholesale trade'),
    ('52', 'F', '零售业', 'Retail trade'),
    ('53', 'G', '铁路运输业', 'Rail transport'),
    ('54', 'G', '道路运输业', 'Road transport'),
    ('55', 'G', '水上运输业', 'Water transport'),
    ('56', 'G', '航空运输业', 'Air transport'),
    ('57', 'G', '管道运输业', 'Pipeline transport'),
    ('58', 'G', '多式联运和运输代理业', 'Multimodal transport and transport agency'),
    ('59', 'G', '装卸搬运和仓储业', 'Loading, unloading and storage'),
    ('60', 'G', '邮政业', 'Postal services'),
    ('61', 'H', '住宿业', 'Accommodation'),
    ('62', 'H', '餐饮业', 'Catering'),
    ('63', 'I', '电信、广播电视和卫星传输服务', 'Telecommunications, broadcasting and satellite transmission'),
    ('64', 'I', '互联网和相关服务', 'Internet and related services'),
    ('65', 'I', '软件和信息技术服务业', 'Software and IT services'),
    ('66', 'J', '货币金融服务', 'Monetary financial services'),
    ('67', 'J', '资本市场服务', 'Capital market services'),
    ('68', 'J', '保险业', 'Insurance'),
    ('69', 'J', '其他金融业', 'Other financial services'),
    ('70', 'K', '房地产业', 'Real estate'),
    ('71', 'L', '租赁业', 'Leasing'),
    ('72', 'L', '商务服务业', 'Business services'),
    ('73', 'M', '研究和试验发展', 'Research and experimental development'),
    ('74', 'M', '专业技术服务业', 'Professional technical services'),
    ('75', 'M', '科技推广和应用服务业', 'Technology promotion and application services'),
    ('76', 'N', '水利管理业', 'Water conservancy management'),
    ('77', 'N', '生态保护和环境治理业', 'Ecological protection and environmental governance'),
    ('78', 'N', '公共设施管理业', 'Public facilities management'),
    ('79', 'N', '土地管理业', 'Land management'),
    ('80', 'O', '居民服务业', 'Resident services'),
    ('81', 'O', '机动车、电子产品和日用产品修理业', 'Repair of motor vehicles, electronics and household goods'),
    ('82', 'O', '其他服务业', 'Other services'),
    ('83', 'P', '教育', 'Education'),
    ('84', 'Q', '卫生', 'Health'),
    ('85', 'Q', '社会工作', 'Social work'),
    ('86', 'R', '新闻和出版业', 'News and publishing'),
    ('87', 'R', '广播、电视、电影和录音制作业', 'Radio, television, film and sound recording'),
    ('88', 'R', '文化艺术业', 'Culture and arts'),
    ('89', 'R', '体育', 'Sports'),
    ('90', 'R', '娱乐业', 'Entertainment'),
    ('91', 'S', '中国共产党机关', 'Organs of the Communist Party of China'),
    ('92', 'S', '国家机构', 'State organs'),
    ('93', 'S', '人民政协、民主党派', 'CPPCC and democratic parties'),
    ('94', 'S', '社会保障', 'Social security'),
    ('95', 'S', '群众团体、社会团体和其他成员组织', 'Mass organisations, social organisations and other membership organisations'),
    ('96', 'S', '基层群众自治组织及其他组织', 'Grassroots self-governing and other organisations'),
    ('97', 'T', '国际组织', 'International organisations');

create table target (
    id                      bigint generated by default as identity primary key,
    kind                    varchar(32)  not null check (kind in ('ENTERPRISE', 'INDIVIDUAL_BUSINESS',
                                'FARMERS_COOPERATIVE', 'PUBLIC_INSTITUTION', 'SOCIAL_ORGANISATION', 'PROJECT',
                                'SPECIFIC_PERSON', 'FACILITY', 'SITE', 'PRODUCT', 'BEHAVIOUR')),
    -- 统一社会信用代码 (USCC, GB 32100), a legacy 15-digit 注册号 (REGISTRATION_NO), or a code of the kind's own
    code_type               varchar(16)  not null check (code_type in ('USCC', 'REGISTRATION_NO', 'OTHER')),
    -- collation "C": codes are ASCII, and one btree then serves both LIKE 'prefix%' and ORDER BY code
    code                    varchar(64)  collate "C" not null check (length(code) > 0),
    name                    varchar(200) not null check (length(name) > 0),
    region_code             varchar(6)   not null references region (code),
    address                 varchar(300),
    industry_section_code   varchar(1)   references industry_section (code),
    industry_division_code  varchar(2),
    registration_authority  varchar(100),
    established_on          date,
    -- 存续, 注销, 吊销, 撤销, 迁出, 歇业
    status                  varchar(16)  not null default 'ACTIVE' check (status in ('ACTIVE', 'DEREGISTERED',
                                'REVOKED', 'CANCELLED', 'MOVED_OUT', 'SUSPENDED')),
    abnormal_listed         boolean      not null default false,
    credit_class            varchar(1)   check (credit_class in ('A', 'B', 'C', 'D')),
    credit_class_on         date,
    credit_class_source     varchar(100),
    key_supervision         boolean      not null default false,
    name_bigrams            text[]       generated always as (name_bigrams(name)) stored,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null,
    version                 bigint       not null default 0,
    -- market entities are identified by a credit code or a legacy registration number
    constraint target_market_entity_code check (kind not in ('ENTERPRISE', 'INDIVIDUAL_BUSINESS',
        'FARMERS_COOPERATIVE') or code_type in ('USCC', 'REGISTRATION_NO')),
    constraint target_uscc_shape check (code_type <> 'USCC' or code ~ '^[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}$'),
    constraint target_registration_no_shape check (code_type <> 'REGISTRATION_NO' or code ~ '^[0-9]{15}$'),
    constraint target_division_in_section foreign key (industry_division_code, industry_section_code)
        references industry_division (code, section_code),
    constraint target_credit_class_dated check (credit_class is null or credit_class_on is not null)
);

-- a credit code or registration number names one entity; other codes are unique within their kind
create unique index target_code_unique on target (code) where code_type in ('USCC', 'REGISTRATION_NO');
create unique index target_other_code_unique on target (kind, code) where code_type = 'OTHER';
-- The list filters on region, credit class, industry section and key supervision and sorts by name (or by
-- code or establishment date); each index below hands a filtered page over in sort order, so a page of a
-- registry of millions is read, not sorted (docs/performance.md).
create index target_name_order on target (name, id);
create index target_code_order on target (code, id);
create index target_established_order on target (established_on, id);
create index target_region_name on target (region_code, name, id);
create index target_region_credit_name on target (region_code, credit_class, name, id);
create index target_credit_name on target (credit_class, name, id);
create index target_section_name on target (industry_section_code, name, id);
create index target_section_established on target (industry_section_code, established_on, id);
create index target_key_supervision_name on target (name, id) where key_supervision;
create index target_key_supervision_credit_name on target (credit_class, name, id) where key_supervision;
create index target_status on target (status) where status <> 'ACTIVE';
create index target_name_bigrams on target using gin (name_bigrams);

-- which departments' registries include the target (a target is stored once)
create table target_department (
    target_id      bigint      not null references target (id) on delete cascade,
    department_id  bigint      not null references department (id),
    linked_at      timestamptz not null,
    primary key (target_id, department_id)
);
create index target_department_by_department on target_department (department_id, target_id);

create table target_tag (
    target_id  bigint      not null references target (id) on delete cascade,
    tag        varchar(30) not null check (length(tag) > 0),
    primary key (target_id, tag)
);
create index target_tag_by_tag on target_tag (tag);

-- 专项库: licences and permits held by the target
create table target_licence (
    id            bigint generated by default as identity primary key,
    target_id     bigint       not null references target (id) on delete cascade,
    name          varchar(100) not null,
    number        varchar(64)  not null,
    issuing_body  varchar(100) not null,
    valid_from    date,
    valid_until   date,
    constraint target_licence_period check (valid_until is null or valid_from is null or valid_until >= valid_from)
);
create index target_licence_by_target on target_licence (target_id);

-- last inspection of a target for an item of a department (item identified by its stable code)
create table target_item_inspection (
    target_id          bigint      not null references target (id) on delete cascade,
    department_id      bigint      not null references department (id),
    item_code          varchar(32) not null,
    last_inspected_on  date        not null,
    primary key (target_id, department_id, item_code)
);
