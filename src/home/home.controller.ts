import { Controller, Get, Render } from '@nestjs/common';
import { Public } from '../common/access.decorators';

@Controller()
export class HomeController {
  @Get()
  @Public()
  @Render('home/index')
  home() {
    return {};
  }
}
