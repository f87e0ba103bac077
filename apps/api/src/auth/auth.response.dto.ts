import { ApiProperty } from '@nestjs/swagger';
import { Role } from '@tiaojie/core';

/** Response bodies, exactly as the services return them (checked against every e2e response). */

export class SignedInUser {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ enum: Role, enumName: 'Role' })
  role: Role;
  @ApiProperty({ type: String, nullable: true })
  orgId: string | null;
  @ApiProperty({ type: String })
  displayName: string;
}

export class TokenPair {
  @ApiProperty({ type: String })
  accessToken: string;
  @ApiProperty({ type: String })
  refreshToken: string;
  @ApiProperty({ type: Number })
  expiresIn: number;
  @ApiProperty({ type: () => SignedInUser })
  user: SignedInUser;
}

export class CodeSent {
  @ApiProperty({ type: Boolean })
  sent: boolean;
  @ApiProperty({ type: Number })
  expiresIn: number;
}

export class Me {
  @ApiProperty({ type: String, nullable: true })
  id: string | null;
  @ApiProperty({ enum: Role, enumName: 'Role' })
  role: Role;
  @ApiProperty({ type: String, nullable: true })
  orgId: string | null;
  @ApiProperty({ type: String })
  displayName: string;
}

export class StaffMember {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String, nullable: true })
  username: string | null;
  @ApiProperty({ type: String })
  displayName: string;
  @ApiProperty({ type: String })
  role: string;
  @ApiProperty({ type: String, nullable: true })
  orgId: string | null;
  @ApiProperty({ type: [String] })
  specialties: string[];
  @ApiProperty({ type: Boolean })
  active: boolean;
}
