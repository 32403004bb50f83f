import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Principal } from '@mikasmissions/context';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthxUnavailableError, UnauthenticatedError } from '../authx.errors';
import { SessionService } from '../sessions/session.service';
import { JwtCodec, type AccessTokenClaims } from '../tokens/jwt-codec';

/** Name of the AuthX passport strategy. */
export const AUTHX_JWT = 'authx-jwt';

type Verifier = (token: string, key: unknown, options: unknown, done: (error: unknown, payload?: unknown) => void) => void;
const strategyClass = Strategy as unknown as { JwtVerifier: Verifier & { authx?: true } };

/**
 * passport-jwt verifies through jsonwebtoken, which knows no EdDSA. AuthX hands passport its
 * {@link JwtCodec} as the "key"; this verifier routes those to the codec and leaves any other
 * passport-jwt strategy in the process on the stock verifier.
 */
function installCodecVerifier(): void {
  if (strategyClass.JwtVerifier.authx) return;
  const stock = strategyClass.JwtVerifier;
  const verifier: Verifier & { authx?: true } = (token, key, options, done) => {
    if (!(key instanceof JwtCodec)) return stock(token, key, options, done);
    key.verify(token).then(
      (claims) => done(null, claims),
      (error: unknown) => done(error),
    );
  };
  verifier.authx = true;
  strategyClass.JwtVerifier = verifier;
}

/**
 * The passport-jwt strategy of AuthX: bearer token from `Authorization`, verified by the
 * {@link JwtCodec} (one algorithm, kid, exp/nbf/iss/aud), and rejected when its session was
 * revoked (logout, reuse detection).
 */
@Injectable()
export class AuthxJwtStrategy extends PassportStrategy(Strategy, AUTHX_JWT) {
  constructor(
    codec: JwtCodec,
    private readonly sessions: SessionService,
  ) {
    installCodecVerifier();
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: (_req: unknown, _token: unknown, done: (err: unknown, key?: unknown) => void) => done(null, codec),
    } as never);
  }

  async validate(claims: AccessTokenClaims): Promise<Principal> {
    let revoked: boolean;
    try {
      revoked = await this.sessions.isRevoked(claims.sid);
    } catch {
      throw new AuthxUnavailableError();
    }
    if (revoked) throw new UnauthenticatedError('SESSION_REVOKED', 'this session was signed out or revoked');
    return {
      userId: claims.sub,
      tenantId: claims.tenant,
      roles: claims.roles,
      sessionId: claims.sid,
      claims: { iss: claims.iss, aud: claims.aud, iat: claims.iat, exp: claims.exp, jti: claims.jti },
    };
  }
}
