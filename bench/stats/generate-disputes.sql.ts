/**
 * Deterministic synthetic year for the report benchmark, in SQL: `n` disputes spread over 2024, each
 * with one intake record of its channel (62 % grid, 35 % 12345, 3 % court), 20 bodies, 6 streets,
 * outcomes, durations, reply deadlines, ratings (10 % not visited), a few thousand transitions.
 */
const STREETS = [
  ['DH', '东湖街道'],
  ['LG', '临港街道'],
  ['XR', '兴仁镇'],
  ['XC', '新城街道'],
  ['BJ', '滨江街道'],
  ['KC', '科创街道'],
];
const CATEGORIES = [
  'neighbour',
  'family',
  'property',
  'labour',
  'medical',
  'traffic',
  'consumer',
  'land_expropriation',
  'contract',
  'ip',
  'construction',
  'commercial',
  'other',
];
const LABELS = [
  '邻里纠纷',
  '婚姻家庭纠纷',
  '物业纠纷',
  '劳资纠纷',
  '医疗纠纷',
  '交通事故纠纷',
  '消费纠纷',
  '土地征收补偿争议',
  '房屋租赁纠纷',
  '知识产权纠纷',
  '建设工程纠纷',
  '涉企合同纠纷',
  '行政执法争议',
];
const arr = (xs: string[]) => `array[${xs.map((x) => `'${x}'`).join(', ')}]`;

export function GENERATE_SQL(n: number): string[] {
  const base = `select g,
      md5('d' || g)::uuid as dispute_id,
      case when g % 100 < 62 then 'grid' when g % 100 < 97 then 'hotline_12345' else 'court' end as channel,
      1 + (g * 7) % 13 as cat, 1 + (g * 11) % 6 as st,
      timestamptz '2024-01-01T00:00:00+08' + ((g::bigint * 7919) % 31622400) * interval '1 second' as at,
      g % 20 as outcome_roll
    from generate_series(1, ${n}) g`;
  return [
    `insert into streets (code, name) values ${STREETS.map(([c, name]) => `('${c}', '${name}')`).join(', ')} on conflict do nothing`,
    `insert into organizations (id, code, name, kind, level) select md5('b' || i)::uuid, 'BENCH-' || i, '调解委员会' || i, 'peoples', 'street' from generate_series(0, 19) i on conflict do nothing`,
    `insert into disputes (id, number, category, kind, channel, title, description, street_code, address, people_involved, status, body_id, outcome, due_at, closed_at, created_at, updated_at)
     select b.dispute_id, 'TZ2024-' || lpad(b.g::text, 7, '0'), (${arr(CATEGORIES)})[b.cat],
       case when b.channel = 'court' then 'judicial' when b.cat in (8, 13) then 'administrative' else 'peoples' end, b.channel,
       '网格上报：' || (${arr(STREETS.map(([, name]) => name))})[b.st] || (${arr(LABELS)})[b.cat] || b.g,
       '居民反映楼上漏水导致天花板受损，多次协商未果，请求调解。' || b.g, (${arr(STREETS.map(([c]) => c))})[b.st],
       (${arr(STREETS.map(([, name]) => name))})[b.st] || '某社区某路' || (b.g % 500) || '号', case when b.g % 97 = 0 then 12 else 1 + b.g % 4 end,
       case when b.outcome_roll < 14 then 'closed' when b.outcome_roll < 16 then 'in_mediation' when b.outcome_roll < 17 then 'accepted' when b.outcome_roll < 18 then 'agreement' else 'received' end,
       case when b.outcome_roll < 18 then md5('b' || (b.g % 20))::uuid end,
       case when b.outcome_roll < 11 then 'agreement' when b.outcome_roll < 13 then 'no_agreement' when b.outcome_roll < 14 then 'withdrawn' when b.outcome_roll = 17 then 'agreement' end,
       case when b.outcome_roll between 14 and 16 then b.at + interval '30 days' end,
       case when b.outcome_roll < 14 then b.at + ((b.g % 40) + 1) * interval '1 day' + (b.g % 24) * interval '1 hour' end,
       b.at, b.at
     from (${base}) b`,
    `insert into intake_records (channel, source_id, source, street, community, category, dispute_category, is_dispute, accepted_at, signed_off_at, replied_at,
       closed_at, status, time_limit_days, due_at, replied_on_time, satisfaction, people_involved, content_hash, dispute_id, record, raw)
     select b.channel, b.channel || '-' || b.g,
       case when b.channel = 'hotline_12345' then case when b.g % 100 < 20 then '省市网' when b.g % 100 < 29 then '海心安' else '本市级' end end,
       case when b.channel = 'court' then null else (${arr(STREETS.map(([, name]) => name))})[b.st] end, null,
       case when b.channel = 'hotline_12345' then '矛盾纠纷-' || (${arr(LABELS)})[b.cat] else (${arr(LABELS)})[b.cat] end, (${arr(LABELS)})[b.cat], true, b.at,
       case when b.channel = 'hotline_12345' then b.at + interval '2 hours' end,
       case when b.channel = 'hotline_12345' then b.at + interval '2 days' end,
       case when b.g % 50 <> 0 then b.at + interval '5 days' + (b.g % 72) * interval '1 hour' end, '已办结',
       case when b.channel = 'hotline_12345' then 5 when b.channel = 'court' then 30 end,
       case when b.channel = 'hotline_12345' then b.at + interval '7 days' when b.channel = 'court' then b.at + interval '30 days' end,
       case when b.channel = 'hotline_12345' then b.g % 25 <> 0 end,
       case when b.channel <> 'hotline_12345' then null when b.g % 10 = 0 then null when b.g % 29 = 0 then '不满意' when b.g % 4 = 0 then '基本满意' else '满意' end,
       case when b.channel = 'grid' then 1 + b.g % 4 end, md5('r' || b.g), b.dispute_id, '{}'::jsonb, '{}'::jsonb
     from (${base}) b`,
    `insert into case_transitions (dispute_id, action, from_status, to_status, actor_role, at, data)
     select md5('d' || g)::uuid, (array['return', 'transfer', 'confirm'])[1 + g % 3], 'routed', 'returned', 'body_admin',
       timestamptz '2024-01-01T00:00:00+08' + ((g::bigint * 7919) % 31622400) * interval '1 second', jsonb_build_object('bodyId', md5('b' || (g % 20))::text)
     from generate_series(1, ${n}, 50) g`,
  ];
}
