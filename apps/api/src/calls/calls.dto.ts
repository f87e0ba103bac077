import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CallInvitationDto {
  @ApiProperty({
    description: '被邀请的工作人员（法官、法院立案人员、行政机关工作人员或调解员）',
    format: 'uuid',
  })
  @IsUUID()
  userId: string;
}
