/** The robot a configuration names. */
import type { RobotConfig } from '../../chat-robots.js';
import type { Robot } from '../../ports/robot.js';
import { dingtalkRobot } from './dingtalk.js';
import { feishuRobot } from './feishu.js';
import type { Fetch } from './http.js';
import { webhookRobot } from './webhook.js';
import { wecomRobot } from './wecom.js';

export function makeRobot(config: RobotConfig, fetchImpl: Fetch = fetch): Robot {
  switch (config.kind) {
    case 'wecom':
      return wecomRobot(config.url, fetchImpl);
    case 'dingtalk':
      return dingtalkRobot(config.url, config.secret, fetchImpl);
    case 'feishu':
      return feishuRobot(config.url, config.secret, fetchImpl);
    case 'webhook':
      return webhookRobot(config.url, config.secret, fetchImpl);
  }
}
