"""A small plan written from one template, so that tests can make variants of it whose differences they know."""
from __future__ import annotations

TEMPLATE = """{county}校园安全工作实施方案

为切实加强校园安全管理，保障师生生命财产安全，维护学校正常教育教学秩序，结合我县实际，特制定本方案。
一、指导思想
坚持安全第一、预防为主、综合治理的方针，全面落实校园安全责任制，着力构建校园安全长效机制，努力打造平安和谐校园。
二、组织领导
成立校园安全工作领导小组，组长：张三，副组长：李四，成员由{bureau}、县公安局、县卫生健康局负责同志组成。领导小组办公室设在{bureau}，负责日常工作。
三、工作任务
（一）排查安全隐患。{bureau}负责组织各学校全面排查校舍、消防、食品等安全隐患，建立隐患整改台账，于2023年5月31日前完成整改。
（二）开展宣传教育。{promoter}牵头开展法治进校园活动，各学校要每月组织一次安全教育课，提高学生自我保护能力。
（三）加强周边治理。县公安局负责加强校园周边巡逻防控，严厉打击侵害师生权益的违法犯罪行为。
{extra}四、工作要求
各单位要高度重视，明确责任分工，细化工作措施，确保各项任务落到实处。对工作不力、造成严重后果的，依法依规追究责任。
"""

EXTRA_SECTION = "（四）做好应急处置。各学校要制定突发事件应急预案，每学期至少组织一次疏散演练，及时报告突发情况。\n"


def plan_text(county: str = "某某县", bureau: str = "县教育局", promoter: str = "县司法局", extra: str = "") -> str:
    return TEMPLATE.format(county=county, bureau=bureau, promoter=promoter, extra=extra)
