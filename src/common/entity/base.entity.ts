import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** id, created_at, updated_at: what every table has (timestamps at ms precision, so cursors are exact). */
export abstract class BaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}

/** A row people edit: `version` backs optimistic locking (`expectedVersion` on updates). */
export abstract class EditableEntity extends BaseEntity {
  @VersionColumn({ default: 1 }) version!: number;
}
