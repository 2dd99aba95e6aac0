// crace instrumentation pass: loads, stores, atomics, memory intrinsics and
// function entry/exit become calls into libcrace.so (see crace_abi.h).
#include "crace_abi.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/CaptureTracking.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"
#include "llvm/Transforms/Utils/EscapeEnumerator.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"
#include <climits>
#include <cstdlib>
#include <dlfcn.h>
#include <string>

using namespace llvm;

namespace
{

// Directory holding this plugin (build/), where libcrace.so lives too.
std::string pluginDir()
{
	Dl_info Info;
	if (!dladdr(reinterpret_cast<void *>(&pluginDir), &Info) ||
	    !Info.dli_fname)
		return "build";
	char Buf[PATH_MAX];
	std::string Path = realpath(Info.dli_fname, Buf) ? Buf : Info.dli_fname;
	return Path.substr(0, Path.rfind('/'));
}

int memoryOrder(AtomicOrdering O)
{
	switch (O) {
	case AtomicOrdering::Acquire:
		return CRACE_MO_ACQUIRE;
	case AtomicOrdering::Release:
		return CRACE_MO_RELEASE;
	case AtomicOrdering::AcquireRelease:
		return CRACE_MO_ACQ_REL;
	case AtomicOrdering::SequentiallyConsistent:
		return CRACE_MO_SEQ_CST;
	default:
		return CRACE_MO_RELAXED;
	}
}

class Instrumenter
{
      public:
	explicit Instrumenter(Module &M)
	    : M(M), C(M.getContext()), DL(M.getDataLayout()),
	      VoidTy(Type::getVoidTy(C)), PtrTy(Type::getInt8PtrTy(C)),
	      SizeTy(Type::getInt64Ty(C)), I32Ty(Type::getInt32Ty(C))
	{
	}

	bool run();

      private:
	Module &M;
	LLVMContext &C;
	const DataLayout &DL;
	Type *VoidTy, *PtrTy, *SizeTy, *I32Ty;

	FunctionCallee hook(StringRef Name, Type *Ret, ArrayRef<Type *> Args)
	{
		FunctionCallee F = M.getOrInsertFunction(
			Name, FunctionType::get(Ret, Args, false));
		auto *Fn = dyn_cast<Function>(F.getCallee());
		if (!Fn)
			return F;
		if (Fn->isDeclaration())
			Fn->setLinkage(GlobalValue::ExternalWeakLinkage);
		Fn->addFnAttr(Attribute::NoUnwind);
		// Call hooks through the GOT (-fno-plt): one indirect call
		// instead of a call to a PLT stub that jumps.
		Fn->addFnAttr(Attribute::NonLazyBind);
		// The C ABI passes uint8_t/uint16_t zero-extended.
		for (unsigned I = 0; I < Args.size(); I++)
			if (Args[I]->isIntegerTy(8) || Args[I]->isIntegerTy(16))
				Fn->addParamAttr(I, Attribute::ZExt);
		if (Ret->isIntegerTy(8) || Ret->isIntegerTy(16))
			Fn->addRetAttr(Attribute::ZExt);
		return F;
	}

	GlobalVariable *EpochCopy = nullptr;
	GlobalVariable *ShadowDir = nullptr;
	// The last fast path's wanted record and the block its access goes on
	// in: the next access of that block reuses it when no call lies
	// between (calls may change the epoch; the hooks, in cold blocks,
	// only ever set it for a thread they meet first, which then merely
	// misses until the next load).
	BasicBlock *WantBlock = nullptr;
	Value *LastWant = nullptr;

	bool skipFunction(Function &F, const SmallPtrSetImpl<Function *> &Opt);
	GlobalVariable *epochCopy();
	Value *reusableWant(Instruction *I);
	void emitFastPath(Instruction *I, IRBuilder<> &B, Value *Addr,
			  uint64_t Size, bool IsWrite, FunctionCallee Hook);
	bool isLocalUncaptured(Value *Addr);
	DebugLoc nearestLocation(Instruction *I);
	void instrumentFunction(Function &F, bool PlainAccesses);
	void instrumentAccess(Instruction *I, Value *Addr, Type *Ty,
			      bool IsWrite);
	void instrumentAtomic(Instruction *I);
	void emulateRMW(AtomicRMWInst *RMW, unsigned W);
	void checkRange(IRBuilder<> &B, Value *Addr, Type *Ty, bool IsWrite);
	unsigned atomicWidth(Type *Ty);
	FunctionCallee atomicHook(unsigned W, const char *Op);
	void instrumentMemIntrinsic(MemIntrinsic *MI);
	void addEntryExit(Function &F);
	void addModuleCtor();
	Value *toInt(IRBuilder<> &B, Value *V, Type *IntTy);
	Value *fromInt(IRBuilder<> &B, Value *V, Type *Ty);
};

bool Instrumenter::isLocalUncaptured(Value *Addr)
{
	const Value *Obj = getUnderlyingObject(Addr, 0);
	if (auto *GV = dyn_cast<GlobalVariable>(Obj))
		return GV->isConstant();
	if (isa<AllocaInst>(Obj))
		return !PointerMayBeCaptured(Obj, /*ReturnCaptures=*/true,
					     /*StoreCaptures=*/true);
	return false;
}

DebugLoc Instrumenter::nearestLocation(Instruction *I)
{
	for (Instruction *N = I->getNextNode(); N; N = N->getNextNode())
		if (N->getDebugLoc() && N->getDebugLoc().getLine())
			return N->getDebugLoc();
	for (Instruction *P = I->getPrevNode(); P; P = P->getPrevNode())
		if (P->getDebugLoc() && P->getDebugLoc().getLine())
			return P->getDebugLoc();
	if (DISubprogram *SP = I->getFunction()->getSubprogram())
		return DILocation::get(C, SP->getLine(), 0, SP);
	return I->getDebugLoc();
}

void Instrumenter::instrumentAccess(Instruction *I, Value *Addr, Type *Ty,
				    bool IsWrite)
{
	if (Addr->getType()->getPointerAddressSpace() != 0 ||
	    isLocalUncaptured(Addr))
		return;
	TypeSize TS = DL.getTypeStoreSize(Ty);
	if (TS.isScalable())
		return;
	uint64_t Size = TS.getFixedSize();
	Align A = IsWrite ? cast<StoreInst>(I)->getAlign()
			  : cast<LoadInst>(I)->getAlign();
	IRBuilder<> B(I);
	// Hoisted accesses carry no location; name the nearest line instead
	// of printing line 0.
	if (!I->getDebugLoc() || I->getDebugLoc().getLine() == 0)
		B.SetCurrentDebugLocation(nearestLocation(I));
	bool Sized =
		Size == 1 || Size == 2 || Size == 4 || Size == 8 || Size == 16;
	// A 16-byte hook checks two whole granules, so 8-byte alignment is
	// enough: vectorized loops over doubles or longs stay on the sized
	// hooks instead of the range ones.
	bool Aligned = A.value() >= (Size == 16 ? 8 : Size);
	if (!Sized || !Aligned || Ty->isAggregateType()) {
		checkRange(B, Addr, Ty, IsWrite);
		return;
	}
	const char *Kind = IsWrite ? "write" : "read";
	emitFastPath(I, B, Addr, Size, IsWrite,
		     hook(("__crace_" + Twine(Kind) + Twine(Size)).str(),
			  VoidTy, {PtrTy, PtrTy}));
}

// The module's TLS copy of the running thread's epoch (crace_abi.h).
GlobalVariable *Instrumenter::epochCopy()
{
	if (!EpochCopy)
		EpochCopy = new GlobalVariable(
			M, SizeTy, false, GlobalValue::InternalLinkage,
			ConstantInt::get(SizeTy, 0), "crace.epoch", nullptr,
			GlobalValue::InitialExecTLSModel);
	return EpochCopy;
}

// The wanted record of the previous access in I's block, if no call lies
// between them.
Value *Instrumenter::reusableWant(Instruction *I)
{
	if (I->getParent() != WantBlock)
		return nullptr;
	for (Instruction &J : *WantBlock) {
		if (&J == I)
			return LastWant;
		if (isa<CallBase>(J) && !isa<DbgInfoIntrinsic>(J))
			return nullptr;
	}
	return nullptr;
}

// The same-epoch test inline (crace_abi.h), the hook only when it fails,
// given the first granule's cell (NULL when its region has no shadow yet):
// a 16-byte access tests both granules, the second's cell always the
// first's plus one (a chunk ends with an empty cell). The hook's call sits
// in a cold block.
// A record r covers the access when (r | Fill) == Want, with Fill the bits
// that may differ (the write bit for a read, the bytes outside the access)
// and Want the epoch with the write bit and all 8 mask bits set: one OR and
// one compare per record, just the compare for an 8-byte write.
void Instrumenter::emitFastPath(Instruction *I, IRBuilder<> &B, Value *Addr,
				uint64_t Size, bool IsWrite,
				FunctionCallee Hook)
{
	if (!ShadowDir)
		ShadowDir = new GlobalVariable(M, SizeTy, false,
					       GlobalValue::ExternalWeakLinkage,
					       nullptr, "__crace_shadow_dir");
	Function *F = I->getFunction();
	DebugLoc Loc = B.getCurrentDebugLocation();
	MDNode *Likely = MDBuilder(C).createBranchWeights(1 << 20, 1);
	Value *A = B.CreatePtrToInt(Addr, SizeTy);
	const uint64_t W = 1ull << 25;
	const unsigned CellRecords = 4;
	Value *Want = reusableWant(I);
	if (!Want)
		Want = B.CreateOr(B.CreateLoad(SizeTy, epochCopy()), W | 0xff);
	BasicBlock *Head = I->getParent();
	BasicBlock *Cont = Head->splitBasicBlock(I, "crace.cont");
	WantBlock = Cont;
	LastWant = Want;
	Head->getTerminator()->eraseFromParent();
	BasicBlock *Slow = BasicBlock::Create(C, "crace.slow", F);
	B.SetInsertPoint(Head);
	Value *Cell = nullptr, *FirstCell = nullptr;
	for (uint64_t G = 0; G < Size; G += 8) {
		Value *GA = G ? B.CreateAdd(A, B.getInt64(G)) : A;
		Value *KindFill = B.getInt64(IsWrite ? 0 : W), *Fill = KindFill;
		if (G) {
			// Past a region's end this is the chunk's empty last
			// cell, which covers nothing: the hook decides.
			Cell = B.CreateAdd(Cell, B.getInt64(32));
		} else {
			BasicBlock *Have =
				BasicBlock::Create(C, "crace.cell", F, Cont);
			Value *Index = B.CreateAnd(B.CreateLShr(GA, 22),
						   (1ull << 25) - 1);
			LoadInst *Chunk = B.CreateAlignedLoad(
				SizeTy,
				B.CreateInBoundsGEP(SizeTy, ShadowDir, Index),
				Align(8));
			Chunk->setAtomic(AtomicOrdering::Unordered);
			B.CreateCondBr(B.CreateICmpNE(Chunk, B.getInt64(0)),
				       Have, Slow, Likely);
			B.SetInsertPoint(Have);
			FirstCell = Cell = B.CreateAdd(
				Chunk,
				B.CreateShl(B.CreateAnd(GA, 0x3ffff8), 2));
		}
		BasicBlock *Next =
			G + 8 < Size
				? BasicBlock::Create(C, "crace.next", F, Cont)
				: Cont;
		for (unsigned R = 0; R < CellRecords; R++) {
			LoadInst *Rec = B.CreateAlignedLoad(
				SizeTy,
				B.CreateIntToPtr(
					R ? B.CreateAdd(Cell, B.getInt64(8 * R))
					  : Cell,
					PointerType::getUnqual(SizeTy)),
				Align(8));
			Rec->setAtomic(AtomicOrdering::Unordered);
			if (Size < 8 && R == 0) {
				// A record of the whole granule covers every
				// part of it: tested before the access's own
				// bytes are computed (a thread that touched
				// both ints of a granule in this epoch has one
				// such record).
				BasicBlock *Part = BasicBlock::Create(
					C, "crace.part", F, Cont);
				B.CreateCondBr(
					B.CreateICmpEQ(
						B.CreateOr(Rec, KindFill),
						Want),
					Next, Part, Likely);
				B.SetInsertPoint(Part);
				Fill = B.CreateOr(
					KindFill,
					B.CreateXor(
						B.CreateShl(
							B.getInt64(
								(1ull << Size) -
								1),
							B.CreateAnd(GA, 7)),
						0xff));
			}
			BasicBlock *Miss =
				R + 1 == CellRecords
					? Slow
					: BasicBlock::Create(C, "crace.rec", F,
							     Cont);
			B.CreateCondBr(
				B.CreateICmpEQ(B.CreateOr(Rec, Fill), Want),
				Next, Miss, Likely);
			B.SetInsertPoint(Miss);
		}
		B.SetInsertPoint(Next);
	}
	B.SetInsertPoint(Slow);
	B.SetCurrentDebugLocation(Loc);
	PHINode *HookCell = B.CreatePHI(SizeTy, 0);
	for (BasicBlock *Pred : predecessors(Slow))
		HookCell->addIncoming(Pred == Head ? B.getInt64(0) : FirstCell,
				      Pred);
	B.CreateCall(Hook, {B.CreatePointerCast(Addr, PtrTy),
			    B.CreateIntToPtr(HookCell, PtrTy)});
	B.CreateBr(Cont);
}

Value *Instrumenter::toInt(IRBuilder<> &B, Value *V, Type *IntTy)
{
	if (V->getType()->isPointerTy())
		return B.CreatePtrToInt(V, IntTy);
	return B.CreateBitCast(V, IntTy);
}

Value *Instrumenter::fromInt(IRBuilder<> &B, Value *V, Type *Ty)
{
	if (Ty->isPointerTy())
		return B.CreateIntToPtr(V, Ty);
	return B.CreateBitCast(V, Ty);
}

// Accesses with no sized hook: a plain range check of their bytes.
void Instrumenter::checkRange(IRBuilder<> &B, Value *Addr, Type *Ty,
			      bool IsWrite)
{
	B.CreateCall(
		hook(IsWrite ? "__crace_write_range" : "__crace_read_range",
		     VoidTy, {PtrTy, SizeTy}),
		{B.CreatePointerCast(Addr, PtrTy),
		 ConstantInt::get(SizeTy, DL.getTypeStoreSize(Ty))});
}

// Bits of an atomic the ABI has hooks for, or 0.
unsigned Instrumenter::atomicWidth(Type *Ty)
{
	uint64_t Bits = DL.getTypeStoreSizeInBits(Ty);
	return (Bits == 8 || Bits == 16 || Bits == 32 || Bits == 64) ? Bits : 0;
}

// __crace_atomic<W>_<Op>, typed as crace_abi.h declares it.
FunctionCallee Instrumenter::atomicHook(unsigned W, const char *Op)
{
	Type *IT = Type::getIntNTy(C, W);
	std::string Name = ("__crace_atomic" + Twine(W) + "_" + Op).str();
	StringRef O(Op);
	if (O == "load")
		return hook(Name, IT, {PtrTy, I32Ty});
	if (O == "store")
		return hook(Name, VoidTy, {PtrTy, IT, I32Ty});
	if (O == "compare_exchange_val")
		return hook(Name, IT, {PtrTy, IT, IT, I32Ty, I32Ty});
	return hook(Name, IT, {PtrTy, IT, I32Ty});
}

void Instrumenter::instrumentAtomic(Instruction *I)
{
	IRBuilder<> B(I);
	auto MO = [&](AtomicOrdering O) {
		return ConstantInt::get(I32Ty, memoryOrder(O));
	};
	if (auto *FI = dyn_cast<FenceInst>(I)) {
		bool Signal = FI->getSyncScopeID() == SyncScope::SingleThread;
		B.CreateCall(hook(Signal ? "__crace_atomic_signal_fence"
					 : "__crace_atomic_thread_fence",
				  VoidTy, {I32Ty}),
			     {MO(FI->getOrdering())});
		FI->eraseFromParent();
		return;
	}
	if (auto *LI = dyn_cast<LoadInst>(I)) {
		Value *Addr = LI->getPointerOperand();
		unsigned W = atomicWidth(LI->getType());
		if (!W) {
			checkRange(B, Addr, LI->getType(), false);
			return;
		}
		Value *V = B.CreateCall(atomicHook(W, "load"),
					{B.CreatePointerCast(Addr, PtrTy),
					 MO(LI->getOrdering())});
		LI->replaceAllUsesWith(fromInt(B, V, LI->getType()));
		LI->eraseFromParent();
		return;
	}
	if (auto *SI = dyn_cast<StoreInst>(I)) {
		Value *Addr = SI->getPointerOperand();
		Type *VT = SI->getValueOperand()->getType();
		unsigned W = atomicWidth(VT);
		if (!W) {
			checkRange(B, Addr, VT, true);
			return;
		}
		B.CreateCall(atomicHook(W, "store"),
			     {B.CreatePointerCast(Addr, PtrTy),
			      toInt(B, SI->getValueOperand(), B.getIntNTy(W)),
			      MO(SI->getOrdering())});
		SI->eraseFromParent();
		return;
	}
	if (auto *RMW = dyn_cast<AtomicRMWInst>(I)) {
		Value *Addr = RMW->getPointerOperand();
		Type *VT = RMW->getValOperand()->getType();
		unsigned W = atomicWidth(VT);
		const char *Op = nullptr;
		switch (RMW->getOperation()) {
		case AtomicRMWInst::Xchg:
			Op = "exchange";
			break;
		case AtomicRMWInst::Add:
			Op = "fetch_add";
			break;
		case AtomicRMWInst::Sub:
			Op = "fetch_sub";
			break;
		case AtomicRMWInst::And:
			Op = "fetch_and";
			break;
		case AtomicRMWInst::Or:
			Op = "fetch_or";
			break;
		case AtomicRMWInst::Xor:
			Op = "fetch_xor";
			break;
		case AtomicRMWInst::Nand:
			Op = "fetch_nand";
			break;
		default:
			break;
		}
		if (!W) {
			checkRange(B, Addr, VT, true);
			return;
		}
		if (!Op) {
			emulateRMW(RMW, W);
			return;
		}
		Value *V = B.CreateCall(
			atomicHook(W, Op),
			{B.CreatePointerCast(Addr, PtrTy),
			 toInt(B, RMW->getValOperand(), B.getIntNTy(W)),
			 MO(RMW->getOrdering())});
		RMW->replaceAllUsesWith(fromInt(B, V, VT));
		RMW->eraseFromParent();
		return;
	}
	if (auto *CAS = dyn_cast<AtomicCmpXchgInst>(I)) {
		Value *Addr = CAS->getPointerOperand();
		Type *VT = CAS->getCompareOperand()->getType();
		unsigned W = atomicWidth(VT);
		if (!W) {
			checkRange(B, Addr, VT, true);
			return;
		}
		Type *IT = B.getIntNTy(W);
		Value *Cmp = toInt(B, CAS->getCompareOperand(), IT);
		Value *Old =
			B.CreateCall(atomicHook(W, "compare_exchange_val"),
				     {B.CreatePointerCast(Addr, PtrTy), Cmp,
				      toInt(B, CAS->getNewValOperand(), IT),
				      MO(CAS->getSuccessOrdering()),
				      MO(CAS->getFailureOrdering())});
		Value *Ok = B.CreateICmpEQ(Old, Cmp);
		Value *Res = UndefValue::get(CAS->getType());
		Res = B.CreateInsertValue(Res, fromInt(B, Old, VT), 0);
		Res = B.CreateInsertValue(Res, Ok, 1);
		CAS->replaceAllUsesWith(Res);
		CAS->eraseFromParent();
	}
}

// New value of an atomicrmw whose operation has no hook.
Value *applyRMW(IRBuilder<> &B, AtomicRMWInst::BinOp Op, Value *Old, Value *V)
{
	switch (Op) {
	case AtomicRMWInst::Max:
		return B.CreateSelect(B.CreateICmpSGT(Old, V), Old, V);
	case AtomicRMWInst::Min:
		return B.CreateSelect(B.CreateICmpSLT(Old, V), Old, V);
	case AtomicRMWInst::UMax:
		return B.CreateSelect(B.CreateICmpUGT(Old, V), Old, V);
	case AtomicRMWInst::UMin:
		return B.CreateSelect(B.CreateICmpULT(Old, V), Old, V);
	case AtomicRMWInst::FAdd:
		return B.CreateFAdd(Old, V);
	case AtomicRMWInst::FSub:
		return B.CreateFSub(Old, V);
	default:
		llvm_unreachable("atomicrmw operation has a hook");
	}
}

// max/min/fadd/fsub have no hook. A compare-exchange loop over the hooks
// keeps result and synchronisation right; a plain write check would report
// races between correct atomic updates.
void Instrumenter::emulateRMW(AtomicRMWInst *RMW, unsigned W)
{
	BasicBlock *Before = RMW->getParent();
	BasicBlock *Done = Before->splitBasicBlock(RMW, "crace.rmw.done");
	BasicBlock *Loop = BasicBlock::Create(C, "crace.rmw.loop",
					      Before->getParent(), Done);
	Before->getTerminator()->eraseFromParent();
	IRBuilder<> B(Before);
	B.SetCurrentDebugLocation(RMW->getDebugLoc());
	Type *IT = B.getIntNTy(W);
	Value *Addr = B.CreatePointerCast(RMW->getPointerOperand(), PtrTy);
	Value *Init = B.CreateCall(atomicHook(W, "load"),
				   {Addr, B.getInt32(CRACE_MO_RELAXED)});
	B.CreateBr(Loop);

	B.SetInsertPoint(Loop);
	PHINode *Old = B.CreatePHI(IT, 2);
	Old->addIncoming(Init, Before);
	Value *OldV = fromInt(B, Old, RMW->getType());
	Value *New = toInt(
		B, applyRMW(B, RMW->getOperation(), OldV, RMW->getValOperand()),
		IT);
	AtomicOrdering Fail = AtomicCmpXchgInst::getStrongestFailureOrdering(
		RMW->getOrdering());
	Value *Seen = B.CreateCall(atomicHook(W, "compare_exchange_val"),
				   {Addr, Old, New,
				    B.getInt32(memoryOrder(RMW->getOrdering())),
				    B.getInt32(memoryOrder(Fail))});
	Old->addIncoming(Seen, Loop);
	B.CreateCondBr(B.CreateICmpEQ(Seen, Old), Done, Loop);
	RMW->replaceAllUsesWith(OldV);
	RMW->eraseFromParent();
}

void Instrumenter::instrumentMemIntrinsic(MemIntrinsic *MI)
{
	IRBuilder<> B(MI);
	Value *Len = B.CreateIntCast(MI->getLength(), SizeTy, false);
	Value *Dst = B.CreatePointerCast(MI->getDest(), PtrTy);
	if (auto *MS = dyn_cast<MemSetInst>(MI)) {
		B.CreateCall(
			hook("__crace_memset", PtrTy, {PtrTy, I32Ty, SizeTy}),
			{Dst, B.CreateIntCast(MS->getValue(), I32Ty, false),
			 Len});
	} else {
		auto *MT = cast<MemTransferInst>(MI);
		const char *N = isa<MemMoveInst>(MT) ? "__crace_memmove"
						     : "__crace_memcpy";
		B.CreateCall(hook(N, PtrTy, {PtrTy, PtrTy, SizeTy}),
			     {Dst, B.CreatePointerCast(MT->getSource(), PtrTy),
			      Len});
	}
	MI->eraseFromParent();
}

void Instrumenter::addEntryExit(Function &F)
{
	IRBuilder<> B(&*F.getEntryBlock().getFirstInsertionPt());
	if (DISubprogram *SP = F.getSubprogram())
		B.SetCurrentDebugLocation(
			DILocation::get(C, SP->getLine(), 0, SP));
	Value *RA = B.CreateCall(
		Intrinsic::getDeclaration(&M, Intrinsic::returnaddress),
		{B.getInt32(0)});
	B.CreateCall(hook("__crace_func_entry", VoidTy, {PtrTy}), {RA});
	EscapeEnumerator EE(F, "crace_cleanup", /*HandleExceptions=*/true);
	FunctionCallee Exit = hook("__crace_func_exit", VoidTy, {});
	while (IRBuilder<> *EB = EE.Next()) {
		if (!EB->getCurrentDebugLocation())
			if (DISubprogram *SP = F.getSubprogram())
				EB->SetCurrentDebugLocation(DILocation::get(
					C, SP->getLine(), 0, SP));
		EB->CreateCall(Exit, {});
	}
}

void Instrumenter::instrumentFunction(Function &F, bool PlainAccesses)
{
	WantBlock = nullptr;
	SmallVector<Instruction *, 32> Atomics, Accesses;
	SmallVector<MemIntrinsic *, 8> MemOps;
	for (BasicBlock &BB : F) {
		// A load followed, with no call in between, by a store to the
		// same address needs no check of its own: the store's check
		// covers it.
		SmallPtrSet<Value *, 8> StoredLater;
		SmallVector<Instruction *, 16> Block;
		for (auto It = BB.rbegin(); It != BB.rend(); ++It) {
			Instruction &I = *It;
			if (I.isAtomic()) {
				// Becomes a call that may synchronise.
				Atomics.push_back(&I);
				StoredLater.clear();
			} else if (auto *SI = dyn_cast<StoreInst>(&I)) {
				StoredLater.insert(SI->getPointerOperand());
				Block.push_back(SI);
			} else if (auto *LI = dyn_cast<LoadInst>(&I)) {
				if (!StoredLater.count(LI->getPointerOperand()))
					Block.push_back(LI);
			} else if (auto *MI = dyn_cast<MemIntrinsic>(&I)) {
				MemOps.push_back(MI);
				StoredLater.clear();
			} else if (isa<CallBase>(I) &&
				   !isa<DbgInfoIntrinsic>(I)) {
				StoredLater.clear();
			}
		}
		Accesses.append(Block.rbegin(), Block.rend());
	}
	for (Instruction *I : Atomics)
		instrumentAtomic(I);
	if (!PlainAccesses)
		return;
	for (Instruction *I : Accesses) {
		if (auto *SI = dyn_cast<StoreInst>(I))
			instrumentAccess(SI, SI->getPointerOperand(),
					 SI->getValueOperand()->getType(),
					 true);
		else if (auto *LI = dyn_cast<LoadInst>(I))
			instrumentAccess(LI, LI->getPointerOperand(),
					 LI->getType(), false);
	}
	for (MemIntrinsic *MI : MemOps)
		instrumentMemIntrinsic(MI);
	addEntryExit(F);
}

bool Instrumenter::skipFunction(Function &F,
				const SmallPtrSetImpl<Function *> &Opt)
{
	return F.hasFnAttribute(Attribute::DisableSanitizerInstrumentation) ||
	       F.hasFnAttribute(Attribute::Naked) || Opt.count(&F) ||
	       F.getName().startswith("crace.");
}

void Instrumenter::addModuleCtor()
{
	Function *Ctor = Function::Create(FunctionType::get(VoidTy, false),
					  GlobalValue::InternalLinkage,
					  "crace.module_ctor", M);
	BasicBlock *Entry = BasicBlock::Create(C, "", Ctor);
	BasicBlock *Missing = BasicBlock::Create(C, "missing", Ctor);
	BasicBlock *Present = BasicBlock::Create(C, "present", Ctor);
	FunctionCallee Init = hook("__crace_init", VoidTy, {I32Ty, PtrTy});
	IRBuilder<> B(Entry);
	B.CreateCondBr(
		B.CreateIsNull(B.CreatePointerCast(Init.getCallee(), PtrTy)),
		Missing, Present);
	B.SetInsertPoint(Missing);
	std::string Msg =
		"crace: this program was built with crace instrumentation; "
		"run it with crace-run or LD_PRELOAD=" +
		pluginDir() + "/libcrace.so\n";
	FunctionCallee Write = M.getOrInsertFunction(
		"write",
		FunctionType::get(SizeTy, {I32Ty, PtrTy, SizeTy}, false));
	FunctionCallee Exit = M.getOrInsertFunction(
		"_exit", FunctionType::get(VoidTy, {I32Ty}, false));
	B.CreateCall(Write, {B.getInt32(2), B.CreateGlobalStringPtr(Msg),
			     ConstantInt::get(SizeTy, Msg.size())});
	B.CreateCall(Exit, {B.getInt32(1)});
	B.CreateUnreachable();
	B.SetInsertPoint(Present);
	B.CreateCall(Init, {B.getInt32(CRACE_ABI_VERSION),
			    B.CreatePointerCast(epochCopy(), PtrTy)});
	B.CreateRetVoid();
	appendToGlobalCtors(M, Ctor, 0);
}

bool Instrumenter::run()
{
	if (!M.getNamedMetadata("llvm.dbg.cu")) {
		C.emitError(
			"crace: " + M.getSourceFileName() +
			": compile with -g: crace reports need debug info for "
			"file:line");
		return false;
	}
	SmallPtrSet<Function *, 8> Opted;
	if (GlobalVariable *GA =
		    M.getGlobalVariable("llvm.global.annotations")) {
		if (auto *CA = dyn_cast<ConstantArray>(GA->getOperand(0)))
			for (Value *Op : CA->operands()) {
				auto *CS = dyn_cast<ConstantStruct>(Op);
				if (!CS || CS->getNumOperands() < 2)
					continue;
				auto *Fn = dyn_cast<Function>(
					CS->getOperand(0)->stripPointerCasts());
				auto *Str = dyn_cast<GlobalVariable>(
					CS->getOperand(1)->stripPointerCasts());
				if (Fn && Str && Str->hasInitializer())
					if (auto *D = dyn_cast<
						    ConstantDataArray>(
						    Str->getInitializer()))
						if (D->isCString() &&
						    D->getAsCString() ==
							    "crace_no_"
							    "instrument")
							Opted.insert(Fn);
			}
	}
	SmallVector<Function *, 64> Work;
	for (Function &F : M)
		if (!F.isDeclaration())
			Work.push_back(&F);
	for (Function *F : Work)
		instrumentFunction(*F, !skipFunction(*F, Opted));
	addModuleCtor();
	return true;
}

struct CracePass : PassInfoMixin<CracePass> {
	PreservedAnalyses run(Module &M, ModuleAnalysisManager &)
	{
		Instrumenter(M).run();
		return PreservedAnalyses::none();
	}
	static bool isRequired()
	{
		return true;
	}
};

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo()
{
	return {LLVM_PLUGIN_API_VERSION, "crace", "1", [](PassBuilder &PB) {
			PB.registerOptimizerLastEPCallback(
				[](ModulePassManager &MPM, OptimizationLevel) {
					MPM.addPass(CracePass());
				});
		}};
}
