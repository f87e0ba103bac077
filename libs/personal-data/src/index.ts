/**
 * @tiaojie/personal-data: the one rule for personal data (ID numbers, phones, masking) used by the api, the import,
 * the exports and the PDFs. Pure: no database, no NestJS.
 */
export { chineseIdCheckChar, isValidChineseId, looksLikeChineseId, normalizeChineseId } from './chinese-id';
export { isMobilePhone, isValidPhone, MOBILE_PHONE_RE, normalizePhone } from './phone-number';
export { maskIdNumber, maskName, maskNamesIn, maskPhone } from './personal-data.masking';
