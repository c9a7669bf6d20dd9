/**
 * A group-chat robot (WeCom, DingTalk, Feishu/Lark, or any JSON webhook): one message at a time, within
 * the limits the robot's owner documents. The escalation sweep queues its digests through `pace`.
 */
export type RobotKind = 'wecom' | 'dingtalk' | 'feishu' | 'webhook';

export interface RobotMessage {
  title: string;
  /** Markdown (plain text where the robot shows text). */
  text: string;
  /** Chat ids to @-mention (user ids, or mobile numbers where the robot takes those). */
  mentions: string[];
}

export interface RobotLimits {
  /** Messages a minute the robot accepts (DingTalk bans for 10 minutes past it). */
  perMinute: number;
  perSecond?: number;
  /** The most bytes the robot takes in what `size` measures. */
  maxBytes: number;
}

export interface Robot {
  kind: RobotKind;
  limits: RobotLimits;
  /** The bytes of a message as the robot counts them against `maxBytes` (mentions included). */
  size(message: RobotMessage): number;
  /** Posts one message; throws a RobotError when the robot refuses it. */
  post(message: RobotMessage): Promise<void>;
}

export class RobotError extends Error {
  constructor(
    message: string,
    /** The robot said "too many": stop posting to it for this sweep. */
    readonly rateLimited: boolean,
  ) {
    super(message);
    this.name = 'RobotError';
  }
}
