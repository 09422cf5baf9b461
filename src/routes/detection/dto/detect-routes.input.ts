import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';

@InputType()
export class DetectRoutesInput {
  @Field({
    nullable: true,
    defaultValue: false,
    description:
      'true: every flow of the trade data; false (default): only the flows the shipments written since the last run touched (a full run when there was none).',
  })
  @IsOptional()
  @IsBoolean()
  full?: boolean;
}
