"""ORM rows → frozen DTOs. The only place that knows both shapes."""

from __future__ import annotations

from app.services.dto import (
    ConfirmedWarning,
    FeeLine,
    LabourLine,
    PartLine,
    Payment,
    Totals,
    VehicleDetail,
    WorkOrderDetail,
)
from localdb import models as m


def order_no(order_id: int) -> str:
    """The internal work-order number shown before settlement (the list number comes at settlement)."""
    return f"WO{order_id:07d}"


def totals_of(wo: m.WorkOrder) -> Totals:
    gross = wo.labour_fen + wo.parts_fen + wo.other_fen
    return Totals(wo.labour_fen, wo.parts_fen, wo.other_fen, gross, wo.discount_fen, wo.due_fen)


def to_detail(wo: m.WorkOrder) -> WorkOrderDetail:
    v = wo.vehicle
    vehicle = VehicleDetail(
        id=v.id,
        plate=wo.plate,
        plate_colour=v.plate_colour,
        vin=wo.vin,
        brand_model=v.brand_model,
        engine_no=v.engine_no,
        vehicle_type=v.vehicle_type,
        owner_id=v.owner_id,
        owner_name=wo.owner_name,
        owner_phone=wo.owner_phone,
    )
    return WorkOrderDetail(
        id=wo.id,
        uuid=wo.uuid,
        order_no=order_no(wo.id),
        state=wo.state,
        revision=wo.revision,
        revision_of=wo.revision_of_id,
        vehicle=vehicle,
        intake_at=wo.intake_at,
        intake_mileage=wo.intake_mileage,
        bringer_name=wo.bringer_name,
        bringer_phone=wo.bringer_phone,
        fault_description=wo.fault_description,
        repair_category=wo.repair_category,
        labour_standard=wo.labour_standard,
        advisor_id=wo.advisor_id,
        advisor_name=wo.advisor.name if wo.advisor else "",
        labour=tuple(
            LabourLine(
                item=x.item,
                hours=x.hours,
                rate_fen=x.rate_fen,
                technician_id=x.technician_id,
                technician_name=x.technician.name if x.technician else "",
                amount_fen=x.amount_fen,
                note=x.note,
            )
            for x in wo.labour_lines
        ),
        parts=tuple(
            PartLine(
                name=x.name,
                quantity=x.quantity,
                unit=x.unit,
                unit_price_fen=x.unit_price_fen,
                category=x.category,
                part_code=x.part_code,
                brand=x.brand,
                customer_supplied=x.customer_supplied,
                cost_price_fen=x.cost_price_fen,
                amount_fen=x.amount_fen,
            )
            for x in wo.part_lines
        ),
        fees=tuple(FeeLine(x.name, x.amount_fen) for x in wo.fee_lines),
        totals=totals_of(wo),
        completed_at=wo.completed_at,
        mileage_out=wo.mileage_out,
        completion_cert_no=wo.completion_cert_no,
        costlistcode=wo.costlistcode,
        settled_at=wo.settled_at,
        payments=tuple(Payment(p.method, p.amount_fen) for p in wo.payments),
        old_parts=wo.old_parts,
        warranty_days=wo.warranty_days,
        warranty_km=wo.warranty_km,
        warranty_text=wo.warranty_text,
        notes=wo.notes,
        cancel_reason=wo.cancel_reason,
        confirmed_warnings=tuple(
            ConfirmedWarning(c.code, c.reason, dict(c.params or {})) for c in wo.confirmed_warnings
        ),
        superseded=wo.superseded,
    )
