import { Column, Entity, Unique } from 'typeorm';
import { EditableEntity } from '../common/entity/base.entity.js';
import { Role } from './role.enum.js';

@Entity('app_user')
@Unique('uq_app_user_email', ['email'])
export class AppUserEntity extends EditableEntity {
  @Column({ type: 'citext' }) email!: string;
  @Column({ type: 'text', nullable: true }) name!: string | null;
  @Column({ type: 'enum', enum: Role, enumName: 'app_role' }) role!: Role;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) disabledAt!: Date | null;
}
