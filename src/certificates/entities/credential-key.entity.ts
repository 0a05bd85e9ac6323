import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An Ed25519 signing key; the newest generation signs, every one stays in the JWKS. */
@Entity('credential_key')
export class CredentialKey {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer', unique: true })
  generation: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  kid: string;

  @Column({ type: 'text' })
  publicJwk: string;

  @Column({ type: 'text' })
  privateKeyEncrypted: string;

  @Column({ type: Date })
  createdAt: Date;
}
