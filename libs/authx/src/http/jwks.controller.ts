import { Controller, Get } from '@nestjs/common';
import { Public } from '@mikasmissions/http';
import { JwtCodec, type PublicJwk } from '../tokens/jwt-codec';

/** `GET /.well-known/jwks.json`: the public signing key when tokens are RS256/EdDSA (empty for HS256). */
@Controller('.well-known')
export class JwksController {
  constructor(private readonly codec: JwtCodec) {}

  @Public()
  @Get('jwks.json')
  jwks(): Promise<{ keys: PublicJwk[] }> {
    return this.codec.jwks();
  }
}
