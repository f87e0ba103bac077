import { ApiProperty } from '@nestjs/swagger';
import { AgreementView, TimelineEntry } from './case-detail.response.dto';

/** Response bodies, exactly as the services return them (checked against every e2e response). */

export class DeadlineText {
  @ApiProperty({ type: String })
  dueAt: string;
  @ApiProperty({ type: String })
  text: string;
  @ApiProperty({ type: String })
  remaining: string;
}

export class CaseStatusView {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  number: string;
  @ApiProperty({ type: String })
  title: string;
  @ApiProperty({
    enum: [
      'routed',
      'accepted',
      'in_mediation',
      'agreement_pending',
      'returned',
      'district_queue',
      'received',
      'breached',
      'agreement',
      'no_agreement',
      'withdrawn',
      'terminated',
      'confirmation_requested',
      'confirmed',
      'confirmation_rejected',
      'performing',
      'performed',
      'followed_up',
      'closed',
    ],
    enumName: 'CaseStatusViewStatus',
  })
  status:
    | 'routed'
    | 'accepted'
    | 'in_mediation'
    | 'agreement_pending'
    | 'returned'
    | 'district_queue'
    | 'received'
    | 'breached'
    | 'agreement'
    | 'no_agreement'
    | 'withdrawn'
    | 'terminated'
    | 'confirmation_requested'
    | 'confirmed'
    | 'confirmation_rejected'
    | 'performing'
    | 'performed'
    | 'followed_up'
    | 'closed';
  @ApiProperty({
    enum: [
      '已受理',
      '已分派',
      '已退回',
      '待区级统筹',
      '已签收',
      '调解中',
      '协议待签署',
      '达成协议',
      '调解不成',
      '已撤回',
      '调解终止',
      '司法确认申请中',
      '已司法确认',
      '司法确认被驳回',
      '履行中',
      '已履行',
      '未履行',
      '已回访',
      '已结案',
    ],
    enumName: 'CaseStatusViewStatusLabel',
  })
  statusLabel:
    | '已受理'
    | '已分派'
    | '已退回'
    | '待区级统筹'
    | '已签收'
    | '调解中'
    | '协议待签署'
    | '达成协议'
    | '调解不成'
    | '已撤回'
    | '调解终止'
    | '司法确认申请中'
    | '已司法确认'
    | '司法确认被驳回'
    | '履行中'
    | '已履行'
    | '未履行'
    | '已回访'
    | '已结案';
  @ApiProperty({ enum: [1, 2, 7, 3, 4, 5, 6, 8, 9], enumName: 'CaseStatusViewStage' })
  stage: 1 | 2 | 7 | 3 | 4 | 5 | 6 | 8 | 9;
  @ApiProperty({ type: [String] })
  stages: string[];
  @ApiProperty({
    enum: [
      '正在为您分派调解组织',
      '等待调解组织签收',
      '正在重新分派调解组织',
      '区矛调中心正在为您协调调解组织',
      '调解组织将指派调解员并安排调解',
      '请按调解员安排参加调解',
      '请核对调解协议并签名确认',
      '协议已生效，可在 30 日内共同申请司法确认',
      '可依法申请仲裁、提起诉讼或行政复议',
      '案件已撤回',
      '调解已终止，可依法通过其他途径解决',
      '等待人民法院审查',
      '请按协议履行',
      '可变更原协议、达成新协议或向法院起诉',
      '请按协议约定期限履行',
      '调解组织将进行回访',
      '可申请司法确认后向法院申请强制执行',
      '案件即将结案',
      '案件已办结，感谢您的评价',
    ],
    enumName: 'CaseStatusViewNextStep',
  })
  nextStep:
    | '正在为您分派调解组织'
    | '等待调解组织签收'
    | '正在重新分派调解组织'
    | '区矛调中心正在为您协调调解组织'
    | '调解组织将指派调解员并安排调解'
    | '请按调解员安排参加调解'
    | '请核对调解协议并签名确认'
    | '协议已生效，可在 30 日内共同申请司法确认'
    | '可依法申请仲裁、提起诉讼或行政复议'
    | '案件已撤回'
    | '调解已终止，可依法通过其他途径解决'
    | '等待人民法院审查'
    | '请按协议履行'
    | '可变更原协议、达成新协议或向法院起诉'
    | '请按协议约定期限履行'
    | '调解组织将进行回访'
    | '可申请司法确认后向法院申请强制执行'
    | '案件即将结案'
    | '案件已办结，感谢您的评价';
  @ApiProperty({ type: String })
  sessionMode: string;
  @ApiProperty({ type: () => DeadlineText, nullable: true })
  deadline: DeadlineText | null;
  @ApiProperty({ type: () => DeadlineText, nullable: true })
  judicialConfirmation: DeadlineText | null;
  @ApiProperty({ type: () => [TimelineEntry] })
  timeline: TimelineEntry[];
  @ApiProperty({ type: () => AgreementView, nullable: true })
  agreement: AgreementView | null;
  @ApiProperty({ type: [String] })
  availableActions: string[];
}
